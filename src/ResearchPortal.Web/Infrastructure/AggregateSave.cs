using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// The one way a page saves an aggregate two people may change at once (备案, 结业材料, 验收评分, roster rows, review
/// decisions, enrollment decisions; docs/PAGES.md "Saving"). The form carries the row version in a hidden field named
/// <see cref="TokenField"/> (<see cref="ConcurrencyToken.Read"/>); the handler calls <see cref="ConcurrencyToken.Expect"/>
/// and then <see cref="TrySaveAsync"/>. A save that loses a race — a stale version, or a unique index refusing the second
/// of two first saves of the same record — answers <see cref="ConflictMessage"/> on the page, which keeps what was typed
/// and the stale version (so trying again cannot overwrite the other change either). A record that can no longer be
/// changed is answered by <see cref="NotEditable"/>.
/// </summary>
public static class AggregateSave
{
    /// <summary>The name of the hidden field (and input property) that carries the row version, on every form.</summary>
    public const string TokenField = "ConcurrencyToken";

    public const string ConflictMessage =
        "此记录刚刚已被他人修改，您的修改没有保存。您填写的内容仍保留在页面上：请复制需要保留的内容，再重新加载本页查看最新内容后重新填写。";

    public const string NotSavedNote = "您的修改没有保存。";

    /// <summary>Saves; on a lost race forgets the unsaved changes, puts <see cref="ConflictMessage"/> at the top of the
    /// page and returns false (the page then shows its form again, reloading only what it displays).</summary>
    public static async Task<bool> TrySaveAsync(this PortalDbContext db, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsLostRace())
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(string.Empty, ConflictMessage);
            return false;
        }
    }

    /// <summary>A form rendered from another version than the stored one (or before someone else created the record):
    /// answered like a lost save, before anything is changed.</summary>
    public static bool IsStale(this PortalDbContext db, object entity, string? token, ModelStateDictionary modelState)
    {
        if (ConcurrencyToken.Read(db, entity) == token)
        {
            return false;
        }

        modelState.AddModelError(string.Empty, ConflictMessage);
        return true;
    }

    /// <summary>
    /// The one answer to a change of a record that its state no longer allows (submitted, decided, not yet open): back
    /// to the page that shows it (PRG; <paramref name="pageName"/> null: this page's GET), the domain's reason and
    /// "您的修改没有保存。" in the warning line.
    /// </summary>
    public static RedirectToPageResult NotEditable(this PageModel page, Result refusal, string? pageName, object? routeValues)
    {
        page.TempData["WarningMessage"] = string.Concat(refusal.Errors.Select(error => error.Message).Append(NotSavedNote));
        return page.RedirectToPage(pageName, routeValues);
    }

    /// <summary>A domain refusal about the record's state (<c>…InvalidState</c> / <c>…NotEditable</c> on its
    /// <c>Status</c>: already submitted, decided or withdrawn) rather than about what was typed.</summary>
    public static bool IsStateRefusal(this Result result) =>
        result.Errors.Any(error => error.Field == "Status"
            && (error.Code.EndsWith(".InvalidState", StringComparison.Ordinal) || error.Code.EndsWith(".NotEditable", StringComparison.Ordinal)));
}
