using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>Helpers of the shared error summary (<c>Pages/Shared/_ErrorSummary.cshtml</c>).</summary>
public static class ErrorSummary
{
    /// <summary>ViewData key of a sentence shown above the list, e.g. that the valid part was saved as a draft.</summary>
    public const string NoteKey = "ErrorSummaryNote";

    /// <summary>An error raised by an exception (a malformed request) carries no message of its own.</summary>
    public static string MessageOf(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? ChineseModelBindingMessages.HiddenFieldInvalid : error.ErrorMessage;
}
