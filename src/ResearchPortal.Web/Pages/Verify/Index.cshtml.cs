using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Uploads;

namespace ResearchPortal.Web.Pages.Verify;

/// <summary>
/// Public check of a 结业证书: the number and the holder's name must both match. A wrong name and an unknown number
/// get the same answer, so the page confirms nothing to someone who does not already know the holder.
/// The QR code on the certificate opens it with <c>?number=</c> filled in; the name is typed by the verifier.
/// Numbers are stored normalized, so the typed number is normalized the same way (case, full-width characters,
/// surrounding spaces) and matched exactly on an index. A revoked number answers 已撤销 with its date, never the reason.
/// A downloaded certificate PDF can be uploaded instead (handler Upload): its signature is checked
/// (<see cref="SignedCertificateCheck"/>), then each certificate it states against the records, shown as the look-up
/// shows them. Both count against the same per-address limit (every POST of this page).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, SignedCertificateCheck signatureCheck) : PageModel
{
    public const string NoMatch = "未查到匹配的证书，请核对证书编号和姓名。";

    private static readonly byte[] PdfHeader = "%PDF"u8.ToArray();

    [BindProperty]
    public VerificationInput Input { get; set; } = new();

    /// <summary>Set after a look-up that matched.</summary>
    public IssuedCertificate? Certificate { get; private set; }

    /// <summary>Set after a look-up that matched a revoked number: the number and when it was revoked.</summary>
    public RevokedCertificate? Revoked { get; private set; }

    /// <summary>True after a look-up that did not match.</summary>
    public bool NoMatchFound { get; private set; }

    [BindProperty]
    [Display(Name = "证书 PDF 文件")]
    public IFormFile? CertificateFile { get; set; }

    /// <summary>Set after an upload was checked.</summary>
    public SignatureCheckResult? Signature { get; private set; }

    /// <summary>The certificates a validly signed upload states, with their records.</summary>
    public IReadOnlyList<ClaimedCertificate> Claimed { get; private set; } = [];

    public void OnGet(string? number) => Input.Number = number?.Trim() ?? string.Empty;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var number = CertificateNumbers.Normalize(Input.Number);
        var name = Input.Name.Trim();
        Certificate = await IssuedCertificate.Query(db).SingleOrDefaultAsync(c => c.Number == number && c.HolderName == name);
        Revoked = Certificate is not null
            ? null
            : await db.RosterEntries.AsNoTracking()
                .Where(e => e.Name == name)
                .SelectMany(e => e.RevokedCertificates)
                .SingleOrDefaultAsync(r => r.Number == number);
        NoMatchFound = Certificate is null && Revoked is null;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        // The look-up's fields are not part of this form (bound without their prefix when absent, hence all of them).
        ModelState.Clear();
        if (await ReadUploadAsync() is not { } pdf)
        {
            return Page();
        }

        Signature = signatureCheck.Check(pdf);
        Claimed = Signature.Status == SignatureStatus.Valid ? await ClaimedCertificate.LoadAsync(db, Signature.Claims) : [];
        return Page();
    }

    /// <summary>The uploaded file's bytes, or null with the reason next to the field.</summary>
    private async Task<byte[]?> ReadUploadAsync()
    {
        if (CertificateFile is null || CertificateFile.Length == 0)
        {
            return Refuse("请选择要查验的证书 PDF 文件。");
        }

        if (CertificateFile.Length > UploadedDocument.MaxBytes)
        {
            return Refuse($"文件不能超过 {UploadedDocument.MaxBytes / 1024 / 1024} MB。");
        }

        using var buffer = new MemoryStream((int)CertificateFile.Length);
        await CertificateFile.CopyToAsync(buffer);
        var content = buffer.ToArray();
        return content.AsSpan().StartsWith(PdfHeader) ? content : Refuse("只能上传 PDF 文件（按文件内容判断），请选择从本平台下载的结业证书。");
    }

    private byte[]? Refuse(string message)
    {
        ModelState.AddModelError(nameof(CertificateFile), message);
        return null;
    }

    public sealed class VerificationInput
    {
        [Display(Name = "证书编号")]
        [Required(ErrorMessage = "请输入证书编号。")]
        [CharacterLength(100, ErrorMessage = "证书编号不超过 100 个字符。")]
        public string Number { get; set; } = string.Empty;

        [Display(Name = "持证人姓名")]
        [Required(ErrorMessage = "请输入持证人姓名。")]
        [CharacterLength(RosterEntry.TextMaxLength, ErrorMessage = "姓名不超过 {1} 个字符。")] // any name a roster (and so a certificate) may hold
        public string Name { get; set; } = string.Empty;
    }
}
