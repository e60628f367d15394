import Foundation
import RegieCore

/// The figures as JSON and as CSV rows, from the same `FigureReport` as the page.
extension FigureReport {
    struct Output: Encodable {
        struct Figure: Encodable {
            let key: String, title: String, total: Int?, protected: Bool
            let rows: [Cell]
        }
        struct Cell: Encodable { let code: String, label: String, count: Int?, shown: String }
        struct Lead: Encodable {
            let key: String, title: String, count: Int?, medianDays: Double?, percentile90Days: Int?
            let withinNormPercent: Int?
        }
        struct Score: Encodable { let domain: String, households: Int?, averageChange: Double?, improved: Int? }
        struct Relapse: Encodable { let closures: Int?, relapsedWithin12Months: Int? }

        let networks: [String]
        let from: String, to: String
        let minimumCellSize: Int
        let figures: [Figure]
        let leadTimes: [Lead]
        let scoreChanges: [Score]
        let relapse: Relapse
    }

    var output: Output {
        Output(
            networks: networks.map(\.name), from: period.from.dutch, to: period.to.dutch,
            minimumCellSize: suppression.minimum,
            figures: sections.map { section in
                .init(
                    key: section.key, title: section.title, total: section.total, protected: section.protected,
                    rows: section.rows.map {
                        .init(code: $0.code, label: $0.label, count: $0.count, shown: shown($0.count))
                    })
            },
            leadTimes: leadTimes.map {
                .init(
                    key: $0.key, title: $0.title, count: $0.count, medianDays: $0.median,
                    percentile90Days: $0.percentile90,
                    withinNormPercent: $0.withinNormPercent)
            },
            scoreChanges: scoreChanges.map {
                .init(domain: $0.domain, households: $0.households, averageChange: $0.average, improved: $0.improved)
            },
            relapse: .init(closures: relapse.closures, relapsedWithin12Months: relapse.relapsed))
    }

    /// The CSV rows: figure, part, count; for lead times also median, 90th percentile and share within the norm —
    /// numbers with a decimal comma, as Dutch Excel reads them.
    func csvRows(total: String) -> [[String]] {
        var rows: [[String]] = []
        for section in sections {
            rows += section.rows.map { [section.title, $0.label, shown($0.count), "", "", ""] }
            rows.append([section.title, total, shown(section.total), "", "", ""])
        }
        for time in leadTimes {
            rows.append([
                time.title, "", shown(time.count), time.median.map(Self.decimal) ?? "",
                time.percentile90.map(String.init) ?? "", time.withinNormPercent.map(String.init) ?? "",
            ])
        }
        return rows
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}
