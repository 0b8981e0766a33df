using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>
/// The certificate 结业证书 are signed with: the configured PKCS#12 file (<see cref="SigningCertificateOptions"/>), or else
/// a self-signed ECDSA P-256 certificate generated on first use and kept in <see cref="PortalSecret"/> protected by Data
/// Protection, beside the key ring — so restarts and every instance on the database sign with the same one.
/// Loaded on first use, after the database is migrated.
/// </summary>
public sealed class SigningCertificate
{
    public const string SecretName = "CertificateSigningKey";
    public const string Purpose = "ResearchPortal.CertificateSigningKey.v1";
    public const string GeneratedSubject = "CN=ResearchPortal 结业证书签名（自动生成）, O=ResearchPortal";

    private readonly Lazy<X509Certificate2> _current;

    public SigningCertificate(IServiceProvider services, IOptions<SigningCertificateOptions> options, TimeProvider time, ILogger<SigningCertificate> logger)
    {
        var settings = options.Value;
        // PublicationOnly: a failure (database not reachable yet) is not cached, the next use tries again.
        _current = new Lazy<X509Certificate2>(
            () => string.IsNullOrWhiteSpace(settings.CertificatePath)
                ? LoadOrCreateStored(services, time, logger)
                : SigningCertificateOptions.Load(settings.CertificatePath, settings.CertificatePassword, time.GetUtcNow()),
            LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>For tests: sign with the given certificate.</summary>
    internal SigningCertificate(X509Certificate2 certificate) => _current = new Lazy<X509Certificate2>(certificate);

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Current => _current.Value;

    /// <summary>A new self-signed signing certificate (ECDSA P-256: fast to sign with, read by every current PDF reader).</summary>
    internal static X509Certificate2 Generate(string subject, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var generated = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        return X509CertificateLoader.LoadPkcs12(generated.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static X509Certificate2 LoadOrCreateStored(IServiceProvider services, TimeProvider time, ILogger logger)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        if (ReadStored(services, protector) is { } stored)
        {
            return stored;
        }

        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            logger.LogWarning(
                "未配置 {Setting}：结业证书使用自动生成的自签名证书签名，请配置省级签名证书。", SigningCertificateOptions.Section + ":CertificatePath");
        }

        var certificate = Generate(GeneratedSubject, time.GetUtcNow());
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.PortalSecrets.Add(new PortalSecret(SecretName, protector.Protect(Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12)))));
            db.SaveChanges();
            return certificate;
        }
        catch (DbUpdateException)
        {
            // Another instance stored its certificate first; everyone must sign with that one.
            return ReadStored(services, protector) ?? throw new InvalidOperationException("The certificate signing key could not be stored.");
        }
    }

    private static X509Certificate2? ReadStored(IServiceProvider services, IDataProtector protector)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var secret = db.PortalSecrets.AsNoTracking().SingleOrDefault(s => s.Name == SecretName);
        return secret is null
            ? null
            : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(protector.Unprotect(secret.ProtectedValue)), password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
