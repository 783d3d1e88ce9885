/// When an entry needs its own language mark.
extension PublishedEntry {
    /// The entry's language when it is known and differs (ignoring case, as BCP 47 does) from the
    /// enclosing document's `language`; nil when the entry needs no mark of its own.
    func language(differingFrom language: String?) -> String? {
        guard let own = self.language, own.lowercased() != language?.lowercased() else { return nil }
        return own
    }
}
