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

/// <summary>The signed-in trainee's own 结业证书; anyone else's looks missing.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class CertificateModel(PortalDbContext db, IOptions<PublicUrlOptions> publicUrl, IOptions<PdfFontOptions> fonts, CertificateSigner signer)
    : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid entryId)
    {
        var userId = User.GetUserId();
        if (await IssuedCertificate.Query(db).SingleOrDefaultAsync(c => c.RosterEntryId == entryId && c.TraineeUserId == userId) is not { } certificate)
        {
            return NotFound();
        }

        var baseUrl = publicUrl.Value.PublicBaseUrl; // never the request's Host, which a client chooses
        return await DownloadAsync(() => new CertificatePdf(baseUrl, Fonts, signer).RenderFile(certificate), certificate.FileName);
    }
}
