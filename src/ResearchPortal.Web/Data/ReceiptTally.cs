using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Data;

/// <summary>
/// How many of a project's receipts are in one status, kept by the database itself: triggers on
/// <c>EnrollmentReceipts</c> (migration <c>ReceiptTallies</c>, one per provider) count every insert, status change and
/// delete in the same transaction, so the enrollment queue shows its counts without reading the project's receipts.
/// The portal never writes these rows.
/// </summary>
public sealed class ReceiptTally
{
    public Guid PlanProjectId { get; private set; }

    public ReceiptStatus Status { get; private set; }

    public int Count { get; private set; }
}
