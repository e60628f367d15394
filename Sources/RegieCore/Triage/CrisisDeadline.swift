import Foundation

/// The deadline for intervening in a crisis, counted in clock hours from the signal (Zwolle: 24 hours).
public enum CrisisDeadline {
    /// The moment by which someone must have intervened, or `nil` when the profile sets no such norm.
    public static func deadline(signalledAt: Date, profile: WorkflowProfile) -> Date? {
        guard let norm = profile.norms.crisisIntervention, norm.unit == .hours else { return nil }
        return signalledAt.addingTimeInterval(Double(norm.amount) * 3600)
    }
}
