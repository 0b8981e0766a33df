using System.Text;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Certificates;

/// <summary>
/// Signed certificates as a reader sees them (poppler's pdfsig, qpdf) and as the portal's own check sees them:
/// intact, one byte changed, something appended after the signature, signed with another key, not signed at all.
/// </summary>
public class CertificateSignatureTests
{
    private static readonly SigningCertificate Portal = new(SigningCertificate.Generate("CN=测试省 结业证书签名", DateTimeOffset.UtcNow));
    private static readonly SigningCertificate Other = new(SigningCertificate.Generate("CN=他人证书", DateTimeOffset.UtcNow));
    private static readonly SignedCertificateCheck Check = new(Portal);

    [Fact]
    public void A_signed_certificate_is_valid_for_pdfsig_clean_for_qpdf_and_valid_for_the_portal_with_its_number_and_holder()
    {
        var certificate = Certificate(Roster(1, names: ["𠮷田花子"])[0]);

        var pdf = CertificatePdf.Render([certificate], BaseUrl, Fonts, new CertificateSigner(Portal, TimeProvider.System));

        var report = PdfTools.SignatureReport(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Signer Certificate Common Name: 测试省 结业证书签名", report);
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
        var result = Check.Check(pdf);
        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.Equal([new CertificateClaim(certificate.Number, "𠮷田花子")], result.Claims);
        Assert.NotNull(result.SignedAt);
    }

    [Fact]
    public void A_file_of_many_certificates_is_signed_once_and_names_each()
    {
        var certificates = Roster(3).Select(Certificate).ToList();

        var pdf = CertificatePdf.Render(certificates, BaseUrl, Fonts, new CertificateSigner(Portal, TimeProvider.System));

        Assert.Single(SignatureLines(PdfTools.SignatureReport(pdf), "Signature Validation: Signature is Valid."));
        Assert.Equal(certificates.Select(c => new CertificateClaim(c.Number, c.HolderName)), Check.Check(pdf).Claims);
    }

    [Fact]
    public void One_byte_changed_anywhere_in_the_signed_part_reads_as_altered()
    {
        var pdf = SignedCertificate();
        foreach (var position in new[] { pdf.Length / 4, pdf.Length - 10 })
        {
            var tampered = pdf.ToArray();
            tampered[position] ^= 0x01;

            Assert.Equal(SignatureStatus.Altered, Check.Check(tampered).Status);
            Assert.DoesNotContain("Signature is Valid.", PdfTools.SignatureReport(tampered));
        }
    }

    [Fact]
    public void A_change_inside_the_signature_value_or_an_update_appended_after_it_reads_as_altered()
    {
        var pdf = SignedCertificate();
        // The hex string ends in zero padding; a digit changed there leaves the CMS readable.
        var text = Encoding.Latin1.GetString(pdf);
        var inPadding = pdf.ToArray();
        inPadding[text.IndexOf('>', text.LastIndexOf("/Contents<", StringComparison.Ordinal)) - 1] = (byte)'1';
        byte[] appended = [.. pdf, .. "\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

        Assert.Equal(SignatureStatus.Altered, Check.Check(inPadding).Status);
        Assert.Equal(SignatureStatus.Altered, Check.Check(appended).Status);
    }

    [Fact]
    public void A_file_signed_with_another_key_is_intact_but_not_the_portals()
    {
        var pdf = CertificatePdf.Render([Certificate(Roster(1)[0])], BaseUrl, Fonts, new CertificateSigner(Other, TimeProvider.System));

        Assert.Contains("Signature is Valid.", PdfTools.SignatureReport(pdf));
        var result = Check.Check(pdf);
        Assert.Equal(SignatureStatus.SignedByAnother, result.Status);
        Assert.Empty(result.Claims);
    }

    [Fact]
    public void An_unsigned_pdf_reads_as_unsigned()
    {
        var pdf = CertificatePdf.Render([Certificate(Roster(1)[0])], BaseUrl, Fonts);

        Assert.Equal(SignatureStatus.Unsigned, Check.Check(pdf).Status);
    }

    private static byte[] SignedCertificate() => CertificatePdf.Render([Certificate(Roster(1)[0])], BaseUrl, Fonts, new CertificateSigner(Portal, TimeProvider.System));

    private static IEnumerable<string> SignatureLines(string report, string line) =>
        report.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith(line, StringComparison.Ordinal));
}
