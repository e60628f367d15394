import RegieCore

/// The households a list page shows, grouped the way the access log stores them (`AccessLogSets`): per kind of
/// decision, the sorted set of its households and the set's id.
///
/// A list kept in a cache (the worklist) keeps its `AccessLogList` with it, so that every view of the unchanged list
/// is logged without sorting and hashing its households again; `AccessGuard.record` logs it for each request.
public struct AccessLogList: Sendable {
    /// One row's worth: the decision (from the group's first grant) and its households, sorted and without repeats;
    /// `setID` names them when there is more than one.
    struct Group: Sendable {
        let grant: AccessGrant
        let members: [HouseholdID]
        let setID: String?
    }

    let groups: [Group]

    public var isEmpty: Bool { groups.isEmpty }

    /// Groups the grants of one actor's list. A break-glass access keeps a row of its own: it is reviewed entry by
    /// entry.
    public init(_ grants: [AccessGrant]) {
        var byKey: [Key: [AccessGrant]] = [:]
        var order: [Key] = []
        var groups: [Group] = []
        for grant in grants {
            if grant.decision.breakGlass {
                groups.append(Group(grant: grant, members: [grant.context.household], setID: nil))
                continue
            }
            let key = Key(network: grant.context.network, action: grant.action, decision: grant.decision)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(grant)
        }
        for key in order {
            let group = byKey[key]!
            var members: [HouseholdID] = []
            for household in group.map(\.context.household).sorted(by: { $0.rawValue < $1.rawValue })
            where members.last != household {
                members.append(household)
            }
            groups.append(
                Group(
                    grant: group[0], members: members,
                    setID: members.count > 1 ? AccessLogSets.setID(members) : nil))
        }
        self.groups = groups
    }

    /// What the decisions of one list share when they are one row; the actor is the list's.
    private struct Key: Hashable {
        let network: NetworkID
        let action: AccessAction
        let decision: AccessDecision
    }
}
