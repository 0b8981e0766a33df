using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>
/// Encrypts ID numbers for storage (ASP.NET Core Data Protection) and computes their keyed hash (HMAC-SHA256), the only
/// form in which an ID number can be searched or compared in the database. One instance per application.
/// </summary>
public sealed class IdNumberProtection
{
    /// <summary>Bump the version only with a migration that re-encrypts the stored values.</summary>
    public const string Purpose = "ResearchPortal.IdNumber.v1";

    public const int HashLength = 64;

    private readonly IDataProtector _protector;
    private readonly Lazy<byte[]> _hashKey;

    /// <param name="loadHashKey">Called once, on the first hash; it may reach the database.</param>
    public IdNumberProtection(IDataProtectionProvider dataProtection, Func<byte[]> loadHashKey)
    {
        _protector = dataProtection.CreateProtector(Purpose);

        // PublicationOnly: a failed load (database not reachable yet) is retried on the next call, not cached.
        _hashKey = new Lazy<byte[]>(loadHashKey, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Loads or creates the hash key now (at start-up) rather than on the first save that needs it.</summary>
    public void EnsureHashKey() => _ = _hashKey.Value;

    public string Protect(IdNumber idNumber) => _protector.Protect(idNumber.Value);

    public IdNumber Unprotect(string protectedValue) => IdNumber.FromTrusted(_protector.Unprotect(protectedValue));

    /// <summary>Lower-case hex HMAC-SHA256 of the normalized ID number, <see cref="HashLength"/> characters.</summary>
    public string Hash(IdNumber idNumber) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey.Value, Encoding.ASCII.GetBytes(idNumber.Value)));
}
