using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>
/// Settings <c>Certificates:Signing:CertificatePath</c> (a PKCS#12 file holding the certificate and private key the
/// province signs 结业证书 with) and <c>Certificates:Signing:CertificatePassword</c>. Without a path the portal signs
/// with a self-signed certificate it generates once (<see cref="SigningCertificate"/>). Checked at start-up.
/// </summary>
public sealed class SigningCertificateOptions : IValidatableObject
{
    public const string Section = "Certificates:Signing";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield break;
        }

        if (Problem(CertificatePath, CertificatePassword, DateTimeOffset.UtcNow) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }
    }

    /// <summary>Loads the configured certificate; throws <see cref="InvalidOperationException"/> with the Chinese reason when it cannot sign.</summary>
    public static X509Certificate2 Load(string path, string? password, DateTimeOffset now)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"设置 {Section}:CertificatePath 指向的文件“{path}”无法读取：它不是 PKCS#12（.pfx）证书文件，或 {Section}:CertificatePassword 不正确。");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"证书签名文件“{path}”不含私钥，无法用于签署结业证书。");
        }

        if (certificate.GetRSAPublicKey() is null && certificate.GetECDsaPublicKey() is null)
        {
            throw new InvalidOperationException($"证书签名文件“{path}”的密钥须为 RSA 或 ECDSA。");
        }

        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new InvalidOperationException(
                $"证书签名文件“{path}”中的证书有效期为 {ChineseDate.Format(ChineseDate.DayOf(certificate.NotBefore))}至"
                + $"{ChineseDate.Format(ChineseDate.DayOf(certificate.NotAfter))}，当前不在有效期内。");
        }

        return certificate;
    }

    private static string? Problem(string path, string? password, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            return $"设置 {Section}:CertificatePath 指向的证书签名文件“{path}”不存在。";
        }

        try
        {
            using var certificate = Load(path, password, now);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
