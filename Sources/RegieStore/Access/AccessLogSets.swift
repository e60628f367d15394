import Crypto
import Foundation
import RegieCore

/// How the access log stores a list page's access to many households: one entry naming a household set instead of
/// an entry per household (`M019AccessLogSets`). Entries that differ only in their household — one page's list,
/// decided at one moment, for one request — become one row; the set is named by the SHA-256 of its sorted household
/// ids, so a list seen again, unchanged, names the set already stored and adds nothing to the household index.
///
/// It is also what one request hands to the shared transaction (`GroupCommit`): a list page's access is grouped
/// once (`AccessLogList`) and logged as such on every view (`init(list:at:requestID:)`), without an entry per
/// household.
struct AccessLogSets: Sendable {
    /// A row of `access_log`: a single entry's household, or the set its entry shares with the rest of its list.
    struct Row: Sendable {
        let entry: AccessLogEntry
        let householdSet: String?
    }

    private(set) var rows: [Row] = []
    /// The households of each set the rows name, by set id.
    private(set) var sets: [String: [HouseholdID]] = [:]
    /// The family of each set (`AccessSetBases`), by set id: the user, network and kind of access of its entry.
    private(set) var families: [String: String] = [:]

    /// The rows of several requests, for one transaction.
    init(merging parts: [AccessLogSets]) {
        for part in parts {
            rows += part.rows
            sets.merge(part.sets) { same, _ in same }
            families.merge(part.families) { first, _ in first }
        }
    }

    /// One list page's access (`list`, grouped beforehand) for one request at `moment`: one row per kind of decision,
    /// naming the set of its households — the same rows `init(_:)` makes of an entry per household, without making
    /// those entries, which on a busy worklist cost a tenth of the server's time.
    init(list: AccessLogList, at moment: Date, requestID: String?) {
        for group in list.groups {
            let entry = AccessLogEntry(
                occurredAt: moment, actor: group.grant.actor, household: group.members[0],
                network: group.grant.context.network, action: group.grant.action, decision: group.grant.decision,
                breakGlassReason: nil, requestID: requestID)
            rows.append(Row(entry: entry, householdSet: group.setID))
            if let id = group.setID { name(id, members: group.members, of: entry) }
        }
    }

    init(_ entries: [AccessLogEntry]) {
        var groups: [Key: [AccessLogEntry]] = [:]
        var order: [Key] = []
        for entry in entries {
            // A break-glass access is reviewed entry by entry, so it always keeps a row of its own.
            guard entry.household != nil, !entry.breakGlass else {
                rows.append(Row(entry: entry, householdSet: nil))
                continue
            }
            let key = Key(entry)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        for key in order {
            let group = groups[key]!
            let households = Set(group.compactMap(\.household))
            guard households.count > 1 else {
                rows.append(contentsOf: group.map { Row(entry: $0, householdSet: nil) })
                continue
            }
            let members = households.sorted { $0.rawValue < $1.rawValue }
            let id = Self.setID(members)
            name(id, members: members, of: group[0])
            rows.append(Row(entry: group[0], householdSet: id))
        }
    }

    /// Records set `id` with its households and the family of `entry`, which names it.
    private mutating func name(_ id: String, members: [HouseholdID], of entry: AccessLogEntry) {
        sets[id] = members
        families[id] = [entry.user.rawValue, entry.network?.rawValue ?? "", entry.action.rawValue].joined(
            separator: " ")
    }

    /// The content address of a household set: the same households always give the same id.
    static func setID(_ households: [HouseholdID]) -> String {
        let text = households.map(\.rawValue).sorted().joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).lowercaseHex
    }

    /// Everything of an entry but its household and id; entries that share it are one access to a list.
    private struct Key: Hashable {
        let occurredAt: Int64
        let user: UserID
        let organisation: OrganisationID
        let onBehalfOf: UserID?
        let network: NetworkID?
        let action: AccessAction
        let allowed: Bool
        let rule: AccessRule
        let requestID: String?

        init(_ entry: AccessLogEntry) {
            occurredAt = entry.occurredAt.millis
            user = entry.user
            organisation = entry.organisation
            onBehalfOf = entry.onBehalfOf
            network = entry.network
            action = entry.action
            allowed = entry.allowed
            rule = entry.rule
            requestID = entry.requestID
        }
    }
}
