using System.IO.Compression;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>
/// 结业证书, one framed landscape page per holder, with a QR code opening the public verification page with the
/// number filled in. The holder's name is deliberately not in the link: the verifier must type it, so the QR code
/// (or a photo of it) does not by itself confirm whose certificate it is.
/// </summary>
public static class CertificatePdf
{
    public const string Title = "结业证书";

    private const double QrSize = 96;
    private static readonly PdfPageSetup Page = new(PdfOrientation.Landscape, MarginMillimetres: 22) { Framed = true };
    private static readonly PdfTextStyle ProgrammeStyle = new(16, false, PdfAlign.Center) { SpaceAfter = 6 };
    private static readonly PdfTextStyle TitleStyle = new(36, true, PdfAlign.Center) { SpaceAfter = 24 };
    private static readonly PdfTextStyle BodyStyle = new(16) { FirstLineIndentChars = 2, LineSpacing = 1.6, SpaceAfter = 18 };
    private static readonly PdfTextStyle IssuerStyle = new(14, false, PdfAlign.Right) { SpaceAfter = 2 };

    /// <summary>"{baseUrl}/Verify?number=…", the page the QR code opens.</summary>
    public static string VerificationLink(string baseUrl, string number) =>
        $"{baseUrl.TrimEnd('/')}/Verify?number={Uri.EscapeDataString(number)}";

    /// <summary>All certificates in one file, one page each, signed by <paramref name="signer"/> (none: the layout tests).</summary>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(IReadOnlyList<IssuedCertificate> certificates, string baseUrl, PdfFontOptions fonts, CertificateSigner? signer = null)
    {
        if (certificates.Count == 0)
        {
            throw new ArgumentException("At least one certificate is needed.", nameof(certificates));
        }

        using var writer = new PdfFormWriter(fonts, Page, $"{certificates[0].ProjectNumber} {Title}");
        foreach (var certificate in certificates)
        {
            Write(writer.NewSection(), certificate, baseUrl);
        }

        return signer is null ? writer.ToArray() : signer.Sign(writer.ToArray(), certificates);
    }

    /// <summary>A ZIP with one PDF per holder, named "证书编号-姓名.pdf".</summary>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] RenderZip(IEnumerable<IssuedCertificate> certificates, string baseUrl, PdfFontOptions fonts, CertificateSigner? signer = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var certificate in certificates)
            {
                // PDF streams are already compressed; storing them saves time and costs almost no space.
                using var entry = zip.CreateEntry(certificate.FileName, CompressionLevel.NoCompression).Open();
                entry.Write(Render([certificate], baseUrl, fonts, signer));
            }
        }

        return output.ToArray();
    }

    private static void Write(PdfFormWriter writer, IssuedCertificate certificate, string baseUrl)
    {
        var period = FormText.Period(certificate.Dates);
        writer
            .Space(12)
            .Text("山东省专业技术人才知识更新工程", ProgrammeStyle)
            .Text(Title, TitleStyle)
            .Text(
                $"{certificate.HolderName}同志于{period}参加“{certificate.ProjectName}”高级研修项目（项目编号：{certificate.ProjectNumber}），"
                + $"完成研修学时 {FormText.Hours(certificate.Hours)} 学时，经考核合格，准予结业。",
                BodyStyle)
            .Line($"证书编号：{certificate.Number}")
            .QrCode(VerificationLink(baseUrl, certificate.Number), QrSize, PdfAlign.Left, asVector: true)
            .Line("扫码或访问本平台“证书查验”页面核验", style: PdfTextStyle.Body with { FontSize = 9 })
            .Text($"申报单位：{certificate.ApplicantName}", IssuerStyle)
            .Text($"承办单位：{certificate.HostName}", IssuerStyle)
            .Text(FormText.Date(certificate.Dates?.End), IssuerStyle);
    }
}
