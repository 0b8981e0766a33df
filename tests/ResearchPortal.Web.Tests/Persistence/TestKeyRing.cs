using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>A throwaway key-ring certificate, as an operator would create with openssl (README, "keys outside the database").</summary>
internal static class TestKeyRing
{
    public static void WritePfx(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }
}
