using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Encrypts the Data Protection key ring, which lives in the database, with an X.509 certificate the database never
/// holds: a dump of the database alone decrypts no ID number and no hash key. Production names the certificate
/// (<c>DataProtection:CertificatePath</c>, a PKCS#12 file, and <c>DataProtection:CertificatePassword</c>) and refuses
/// to start without it; elsewhere a certificate is generated once under <c>App_Data/keys</c>, outside the database.
/// Rotation: put the new certificate in <c>CertificatePath</c> and list the old ones in
/// <c>DataProtection:PreviousCertificatePaths</c>, so keys written under them still decrypt.
/// </summary>
public static class KeyRingProtection
{
    public const string SectionName = "DataProtection";
    public const string GeneratedFolder = "keys";
    public const string GeneratedFileName = "keyring-protection.pfx";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(
        this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        var path = section["CertificatePath"];
        var password = section["CertificatePassword"];
        X509Certificate2 current;
        if (!string.IsNullOrWhiteSpace(path))
        {
            current = Load(path, password);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "启动被拒绝：生产环境必须配置 DataProtection:CertificatePath（PKCS#12 证书文件，用于加密存放在数据库中的密钥环）。"
                + " Production requires DataProtection:CertificatePath: the key ring must not be readable from a database dump.");
        }
        else
        {
            current = LoadOrGenerate(Path.Combine(environment.ContentRootPath, DataServiceCollectionExtensions.SqliteFolderName, GeneratedFolder, GeneratedFileName));
        }

        var previous = section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
        return builder
            .ProtectKeysWithCertificate(current)
            .UnprotectKeysWithAnyCertificate([current, .. previous.Select(p => Load(p, password))]);
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>Several processes may start at once on a fresh machine: the first file written wins, the rest load it.</summary>
    private static X509Certificate2 LoadOrGenerate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=ResearchPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, generated.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return Load(path, password: null);
    }
}
