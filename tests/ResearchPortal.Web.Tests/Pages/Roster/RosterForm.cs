using System.Globalization;

namespace ResearchPortal.Web.Tests.Pages.Roster;

/// <summary>The fields the roster form posts for one row (as the page renders them), for a row first shown with
/// <paramref name="shownHours"/> and <paramref name="shownPassed"/>.</summary>
internal static class RosterForm
{
    public static Dictionary<string, string> Row(
        int index, Guid entryId, string hours, bool passed, string token, decimal shownHours = 0m, bool shownPassed = false) => new()
        {
            [$"Input[{index}].EntryId"] = entryId.ToString(),
            [$"Input[{index}].CompletedHours"] = hours,
            [$"Input[{index}].Passed"] = passed ? "true" : "false",
            [$"Input[{index}].ShownHours"] = shownHours.ToString(CultureInfo.InvariantCulture),
            [$"Input[{index}].ShownPassed"] = shownPassed ? "true" : "false",
            [$"Input[{index}].ConcurrencyToken"] = token,
        };
}
