using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Admin;

[Collection(PortalCollections.Accounts)]
public sealed partial class AuditLogPageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static readonly IReadOnlyList<string> DeclaredCodes = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void Every_action_code_has_a_Chinese_name()
    {
        Assert.NotEmpty(DeclaredCodes);
        Assert.Equal(DeclaredCodes.Count, DeclaredCodes.Distinct().Count());
        Assert.All(DeclaredCodes, code =>
        {
            var name = AuditActions.ChineseName(code);
            Assert.NotEqual(code, name);
            Assert.Matches(@"^[\p{IsCJKUnifiedIdeographs}]", name);
        });
        Assert.Equal(DeclaredCodes.Order(StringComparer.Ordinal), AuditActions.Named.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A code written as a literal at the call site would escape the mapping (and the test above), so the web project
    /// may spell a code only in <see cref="AuditActions"/> and may pass no code-shaped literal to <c>AuditLog.Record</c>.
    /// </summary>
    [Fact]
    public void Audit_codes_are_spelled_only_in_AuditActions()
    {
        var webProject = Path.Combine(RepositoryPaths.Root(), "src", "ResearchPortal.Web");
        var sources = Directory.EnumerateFiles(webProject, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                           && Path.GetFileName(path) != "AuditActions.cs");

        var offenders = new List<string>();
        foreach (var path in sources)
        {
            var text = File.ReadAllText(path);
            var relative = Path.GetRelativePath(webProject, path);
            offenders.AddRange(CodeLiteral().Matches(text)
                .Select(match => match.Groups["code"].Value)
                .Where(DeclaredCodes.Contains)
                .Select(code => $"{relative}: \"{code}\""));
            offenders.AddRange(RecordCallWithCodeLiteral().Matches(text).Select(match => $"{relative}: {match.Value}"));
        }

        Assert.True(offenders.Count == 0, "Use AuditActions constants: " + string.Join(Environment.NewLine, offenders.Distinct()));
    }

    [Fact]
    public async Task The_log_shows_actions_in_Chinese_words_and_China_time_newest_first()
    {
        var older = new DateTimeOffset(2025, 6, 1, 23, 5, 0, TimeSpan.Zero); // 2 June 07:05 in China
        var newer = older.AddHours(2);
        var marker = $"审计页测试{Guid.NewGuid():N}";
        await using (var db = app.NewContext())
        {
            db.AuditEntries.Add(new AuditEntry(older, "u1", marker, AuditActions.FilingSubmitted, null, "项目甲", null));
            db.AuditEntries.Add(new AuditEntry(newer, "u1", marker, AuditActions.FilingApproved, null, "项目甲", null));
            db.AuditEntries.Add(new AuditEntry(newer.AddMinutes(1), "u1", marker, "Legacy.Unknown", null, "项目甲", null));
            await db.SaveChangesAsync();
        }

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var html = WebUtility.HtmlDecode(await reviewer.GetPageAsync($"/Admin/Audit?userName={marker}"));

        var submitted = html.IndexOf(">提交备案<", StringComparison.Ordinal);
        var approved = html.IndexOf(">备案审核通过<", StringComparison.Ordinal);
        Assert.True(approved >= 0 && submitted > approved, "newest entry first, each action in Chinese");
        Assert.Contains("2025年6月2日 07:05", html);
        Assert.Contains("2025年6月2日 09:05", html);
        Assert.Contains(">Legacy.Unknown<", html); // a code without a name is shown rather than hidden
        Assert.DoesNotContain(">Filing.Submitted<", html);
    }

    [GeneratedRegex("\"(?<code>[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+)\"")]
    private static partial Regex CodeLiteral();

    /// <summary>An <c>audit.Record(…)</c> / <c>auditLog.Record(…)</c> statement with a "Word.Word" literal in it.</summary>
    [GeneratedRegex("[Aa]udit(?:Log)?\\.Record\\([^;]*?\"[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+\"[^;]*;", RegexOptions.Singleline)]
    private static partial Regex RecordCallWithCodeLiteral();
}
