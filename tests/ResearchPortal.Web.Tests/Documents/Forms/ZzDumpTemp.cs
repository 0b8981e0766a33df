using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Pdf;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;
namespace ResearchPortal.Web.Tests.Documents.Forms;
public class ZzDumpTemp
{
    [Fact]
    public void Dump()
    {
        var certs = FormSamples.Roster(500).Select(Certificate).ToList();
        CertificatePdf.Render(certs.Take(2).ToList(), BaseUrl, Fonts);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var c in certs) PdfQrCode.ToPng(CertificatePdf.VerificationLink(BaseUrl, c.Number));
        var tq = sw.ElapsedMilliseconds; sw.Restart();
        CertificatePdf.Render(certs, BaseUrl, Fonts);
        var t1 = sw.ElapsedMilliseconds; sw.Restart();
        CertificatePdf.Render(certs, BaseUrl, Fonts);
        var t2 = sw.ElapsedMilliseconds; sw.Restart();
        System.IO.File.WriteAllText("/tmp/forms/timing.txt", $"qr png x500 {tq} ms; certs500 pdf {t1} ms; again {t2}");
    }
}
