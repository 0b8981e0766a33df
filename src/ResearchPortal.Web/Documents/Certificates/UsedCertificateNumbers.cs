using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>Certificate numbers the system has used, held now by a trainee or revoked; none is issued twice.</summary>
public static class UsedCertificateNumbers
{
    /// <summary>Every used number except those held on the project's own roster, which the issuer reads from the entries.</summary>
    public static async Task<IReadOnlySet<string>> OutsideRosterAsync(PortalDbContext db, Guid projectId)
    {
        var held = await db.RosterEntries
            .Where(e => e.PlanProjectId != projectId && e.CertificateNumber != null)
            .Select(e => e.CertificateNumber!)
            .ToListAsync();
        var revoked = await db.RosterEntries.SelectMany(e => e.RevokedCertificates).Select(r => r.Number).ToListAsync();
        return held.Concat(revoked).ToHashSet();
    }

    /// <summary>Which of the given (normalized) numbers are already used.</summary>
    public static async Task<IReadOnlyList<string>> AmongAsync(PortalDbContext db, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var held = await db.RosterEntries
            .Where(e => e.CertificateNumber != null && numbers.Contains(e.CertificateNumber))
            .Select(e => e.CertificateNumber!)
            .ToListAsync(cancellationToken);
        var revoked = await db.RosterEntries
            .SelectMany(e => e.RevokedCertificates)
            .Where(r => numbers.Contains(r.Number))
            .Select(r => r.Number)
            .ToListAsync(cancellationToken);
        return [.. held, .. revoked];
    }
}
