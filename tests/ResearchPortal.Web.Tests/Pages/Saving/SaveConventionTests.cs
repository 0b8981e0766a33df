using System.Text.RegularExpressions;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Saving;

/// <summary>The save path stays one: a form's row version has one field name, and no page words a conflict or catches a
/// stale version itself (<see cref="AggregateSave"/> does).</summary>
public sealed partial class SaveConventionTests
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root(), "src", "ResearchPortal.Web");

    [Fact]
    public void Every_form_carries_the_row_version_in_a_field_named_ConcurrencyToken()
    {
        var fields = Sources("*.cshtml")
            .SelectMany(source => TokenField().Matches(source.Text).Select(match => (source.Path, Field: match.Groups["field"].Value)))
            .Where(found => found.Field != "__RequestVerificationToken")
            .ToList();

        Assert.NotEmpty(fields);
        var offenders = fields.Where(found => !found.Field.EndsWith(AggregateSave.TokenField, StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders.Select(o => $"{o.Path}: {o.Field}")));
    }

    [Fact]
    public void No_page_catches_a_stale_version_or_words_the_conflict_itself()
    {
        var offenders = Sources("*.cs").Concat(Sources("*.cshtml"))
            .Where(source => source.Path.StartsWith($"Pages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(source => source.Text.Contains("catch (DbUpdateConcurrencyException", StringComparison.Ordinal)
                || source.Text.Contains("已被他人修改", StringComparison.Ordinal))
            .Select(source => source.Path)
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    private static IEnumerable<(string Path, string Text)> Sources(string pattern) =>
        Directory.EnumerateFiles(WebProject, pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => (Path.GetRelativePath(WebProject, path), File.ReadAllText(path)));

    /// <summary>A field name or <c>asp-for</c> ending in "Token", the row prefix included (<c>@(prefix)ConcurrencyToken</c>).</summary>
    [GeneratedRegex(@"(?:name|asp-for)=""(?<field>[^""]*Token)""")]
    private static partial Regex TokenField();
}
