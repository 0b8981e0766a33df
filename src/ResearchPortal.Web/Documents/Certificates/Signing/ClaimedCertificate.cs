using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>What the records say of a certificate a signed file states.</summary>
public enum ClaimStanding
{
    /// <summary>Issued to the holder the file names.</summary>
    Valid,

    /// <summary>The number is issued, but the record's holder is no longer the one the file names (the roster was corrected after the file was made).</summary>
    DiffersFromRecord,

    /// <summary>The number was revoked.</summary>
    Revoked,

    /// <summary>No such number on record (e.g. the project was deleted or the number withdrawn).</summary>
    Unknown,
}

/// <summary>A certificate stated in an uploaded signed file, beside its record.</summary>
public sealed record ClaimedCertificate(CertificateClaim Claim, ClaimStanding Standing, IssuedCertificate? Issued, RevokedCertificate? Revoked)
{
    /// <summary>The records of every claim in two queries, whatever their number.</summary>
    public static async Task<IReadOnlyList<ClaimedCertificate>> LoadAsync(PortalDbContext db, IReadOnlyList<CertificateClaim> claims)
    {
        var numbers = claims.Select(c => c.Number).Distinct().ToList();
        var issued = await IssuedCertificate.Query(db).Where(c => numbers.Contains(c.Number)).ToDictionaryAsync(c => c.Number);
        var revoked = (await db.RosterEntries.AsNoTracking()
                .SelectMany(e => e.RevokedCertificates.Select(r => new { e.Name, Revoked = r }))
                .Where(x => numbers.Contains(x.Revoked.Number))
                .ToListAsync())
            .ToLookup(x => x.Revoked.Number);
        return [.. claims.Select(claim =>
        {
            if (issued.TryGetValue(claim.Number, out var certificate))
            {
                var standing = certificate.HolderName == claim.HolderName ? ClaimStanding.Valid : ClaimStanding.DiffersFromRecord;
                return new ClaimedCertificate(claim, standing, certificate, null);
            }

            var revocation = revoked[claim.Number].FirstOrDefault(r => r.Name == claim.HolderName)?.Revoked;
            return new ClaimedCertificate(claim, revocation is null ? ClaimStanding.Unknown : ClaimStanding.Revoked, null, revocation);
        })];
    }
}
