using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>
/// A project's 结业证书 for the host unit and reviewers: one PDF (one page each) or, with handler=Zip, one PDF per
/// holder, streamed into the response as each is made.
/// </summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class CertificatesModel(
    PortalDbContext db, ProjectAccess access, IOptions<PublicUrlOptions> publicUrl, IOptions<PdfFontOptions> fonts, CertificateSigner signer)
    : DocumentDownloadModel(fonts)
{
    public Task<IActionResult> OnGetAsync(Guid projectId) => DownloadCertificatesAsync(projectId, "pdf",
        (pdf, certificates, fileName) => File(pdf.RenderAll(certificates), PdfContentType, fileName));

    public Task<IActionResult> OnGetZipAsync(Guid projectId) => DownloadCertificatesAsync(projectId, "zip",
        (pdf, certificates, fileName) => new StreamedFileResult(ZipContentType, fileName, (body, aborted) => pdf.WriteZipAsync(certificates, body, aborted)));

    private async Task<IActionResult> DownloadCertificatesAsync(
        Guid projectId, string extension, Func<CertificatePdf, IReadOnlyList<IssuedCertificate>, string, IActionResult> download)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return NotFound();
        }

        var certificates = await IssuedCertificate.Query(db).Where(c => c.PlanProjectId == projectId).OrderBy(c => c.Sequence).ToListAsync();
        if (certificates.Count == 0)
        {
            return NothingToPrint(projectId, "该项目还没有发放结业证书编号，请先在学员名单中发放。");
        }

        CertificatePdf pdf;
        try
        {
            pdf = new CertificatePdf(publicUrl.Value.PublicBaseUrl, Fonts, signer); // never the request's Host, which a client chooses
        }
        catch (PdfFontMissingException e)
        {
            // Checked before the first byte is sent, while the error page can still be shown.
            return FontMissing(e);
        }

        return download(pdf, certificates, $"{project.ProjectNumber}-结业证书.{extension}");
    }
}
