using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Certificates;

/// <summary>The province's signing certificate (Certificates:Signing:*) is checked at start-up, each problem named in Chinese.</summary>
public sealed class SigningCertificateOptionsTests : IDisposable
{
    private const string Password = "province-pass";
    private readonly string _folder = Directory.CreateTempSubdirectory("rp-signing-").FullName;

    [Fact]
    public void A_configured_rsa_certificate_is_accepted_and_signs_certificates_pdfsig_finds_valid()
    {
        var path = WritePfx("province.pfx", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));

        Assert.Empty(Problems(path, Password));
        var configured = new SigningCertificate(SigningCertificateOptions.Load(path, Password, DateTimeOffset.UtcNow));
        var pdf = CertificatePdf.Render([Certificate(Roster(1)[0])], BaseUrl, Fonts, new CertificateSigner(configured, TimeProvider.System));

        var report = PdfTools.SignatureReport(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Signer Certificate Common Name: 山东省人力资源和社会保障厅", report);
        Assert.Equal(SignatureStatus.Valid, new SignedCertificateCheck(configured).Check(pdf).Status);
    }

    [Fact]
    public void A_missing_file_a_wrong_password_a_certificate_without_its_key_and_an_expired_one_are_refused_in_chinese()
    {
        var valid = WritePfx("province.pfx", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var expired = WritePfx("expired.pfx", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        var withoutKey = Path.Combine(_folder, "public-only.pfx");
        using (var certificate = X509CertificateLoader.LoadPkcs12FromFile(valid, Password))
        using (var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData))
        {
            File.WriteAllBytes(withoutKey, publicOnly.Export(X509ContentType.Pkcs12, Password));
        }

        Assert.Contains("不存在", Assert.Single(Problems(Path.Combine(_folder, "none.pfx"), Password)));
        Assert.Contains("Certificates:Signing:CertificatePassword 不正确", Assert.Single(Problems(valid, "wrong")));
        Assert.Contains("不含私钥", Assert.Single(Problems(withoutKey, Password)));
        Assert.Contains("当前不在有效期内", Assert.Single(Problems(expired, Password)));
    }

    [Fact]
    public void Start_up_stops_on_a_wrong_signing_certificate_setting()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Certificates:Signing:CertificatePath"] = Path.Combine(_folder, "none.pfx"),
        });
        builder.Services.AddCertificateSigning(builder.Configuration);
        using var app = builder.Build();

        var refusal = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Certificates:Signing:CertificatePath", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string?> Problems(string path, string password)
    {
        var options = new SigningCertificateOptions { CertificatePath = path, CertificatePassword = password };
        return [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage)];
    }

    private string WritePfx(string name, DateTimeOffset from, DateTimeOffset to)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=山东省人力资源和社会保障厅, O=山东省人力资源和社会保障厅", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(from, to);
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
