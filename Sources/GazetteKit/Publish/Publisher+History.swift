import Foundation

/// The archive step of publishing: plans every section's RFC 5005 archive documents.
extension Publisher {
    /// What the archive step adds to a publish run.
    struct HistoryPlan {
        var files: [(name: String, bytes: [UInt8])] = []
        /// Months to mark finalized once their files are written.
        var finalizing: [(section: String, period: ArchivePeriod)] = []
        /// Sections that have an archive folder.
        var archivedSections: Set<String> = []
    }

    /// Records each head in `ledger` and plans its archive files; gives each head its `prev-archive`.
    /// Without a ledger there are no archives and the heads are unchanged.
    func planArchives(_ sections: inout [PublishedSection], ledger: (any PublicationLedger)?, now: Date) throws(PublishError)
        -> HistoryPlan
    {
        var plan = HistoryPlan()
        guard let ledger else { return plan }
        let archiver = SectionArchiver(site: site, ledger: ledger, now: now)
        for index in sections.indices {
            let sectionPlan = try archiver.plan(sections[index], outputDirectory: outputDirectory)
            sections[index] = sectionPlan.head
            plan.files += sectionPlan.files
            plan.finalizing += sectionPlan.finalizing.map { (sections[index].id, $0) }
            if sectionPlan.state != nil { plan.archivedSections.insert(sections[index].id) }
        }
        return plan
    }
}
