extension HTMLSanitizer {
    /// The buffers the tidy tokenizer and its writer need, kept from one fragment to the next: a
    /// feed sanitizes hundreds of fragments, and allocating them for each was measurable on the
    /// short ones. One per parse (`FeedText` holds it); not shared between threads.
    final class Workspace {
        /// The writer's output (emptied for each fragment).
        let output = ByteBuffer(capacity: 4096)
        let scratch = ByteBuffer(capacity: 256)
        let text = ByteBuffer(capacity: 64)
        let slots = UnsafeMutablePointer<TidyTokenizer.PendingAttribute>.allocate(capacity: TidyTokenizer.maximumAttributes)
        let attributes = UnsafeMutablePointer<TagAttribute>.allocate(capacity: TidyTokenizer.maximumAttributes)
        var open: [Int] = []

        init() { open.reserveCapacity(16) }

        deinit {
            slots.deallocate()
            attributes.deallocate()
        }
    }
}
