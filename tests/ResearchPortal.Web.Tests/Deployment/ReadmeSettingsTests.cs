using System.Reflection;
using System.Text.RegularExpressions;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>
/// The README's Configuration section must name every setting the portal reads. The keys are gathered from the
/// options classes bound to a section (a <c>Section</c>/<c>SectionName</c> constant and settable properties) and from
/// the sources' configuration reads — <c>configuration["…"]</c>, <c>GetValue</c>, <c>GetSection</c>,
/// <c>GetConnectionString</c> with a literal, a constant or <c>$"{SectionName}:…"</c>, and reads relative to a
/// <c>var section = configuration.GetSection(…)</c>.
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    private static readonly string Root = RepositoryPaths.Root();

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_README()
    {
        var keys = SettingsReadByCode();
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.Contains("Portal:Today", keys); // the source scan itself works
        Assert.Contains("Mail:FromName", keys); // and so does the options scan
        Assert.Contains("DataProtection:CertificatePath", keys); // and reads relative to a section
        var missing = keys.Where(key => !readme.Contains($"`{key}", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Settings read by the code but not named (in backticks) in README.md:\n" + string.Join('\n', missing));
    }

    private static SortedSet<string> SettingsReadByCode()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var options in typeof(PortalPolicies).Assembly.GetTypes())
        {
            var section = options.GetField("Section", BindingFlags.Public | BindingFlags.Static)
                ?? options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            var properties = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).ToList();
            if (section?.GetRawConstantValue() is string name && properties.Count > 0)
            {
                keys.UnionWith(properties.Select(p => $"{name}:{p.Name}"));
            }
        }

        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => new SourceFile(File.ReadAllText(path)))
            .ToList();
        // "Type.Name" for a qualified constant; a bare name is looked up in the file that uses it.
        var qualified = sources
            .SelectMany(file => file.Constants.Select(c => (Key: $"{file.TypeName}.{c.Key}", c.Value)))
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => g.First().Value);

        foreach (var file in sources)
        {
            string? Resolve(string argument)
            {
                argument = argument.Trim();
                if (argument.StartsWith('"'))
                {
                    return argument.Trim('"');
                }

                if (argument.StartsWith("$\"", StringComparison.Ordinal))
                {
                    return Interpolated().Replace(argument[2..].TrimEnd('"'), m => Resolve(m.Groups["name"].Value) ?? m.Value);
                }

                return argument.Contains('.') ? qualified.GetValueOrDefault(argument) : file.Constants.GetValueOrDefault(argument);
            }

            foreach (Match read in ConfigurationRead().Matches(file.Text))
            {
                if (Resolve(read.Groups["key"].Value) is { } key)
                {
                    keys.Add(read.Groups["method"].Value == "GetConnectionString" ? $"ConnectionStrings:{key}" : key);
                }
            }

            foreach (Match variable in SectionVariable().Matches(file.Text))
            {
                var prefix = Resolve(variable.Groups["key"].Value);
                var relative = new Regex($@"\b{variable.Groups["name"].Value}(?:\[|\.GetValue(?:<[^>]+>)?\(|\.GetSection\()(?<key>""[^""]+"")");
                foreach (Match read in relative.Matches(file.Text))
                {
                    keys.Add($"{prefix}:{read.Groups["key"].Value.Trim('"')}");
                }
            }
        }

        return keys;
    }

    private sealed class SourceFile(string text)
    {
        public string Text { get; } = text;

        public string TypeName { get; } = TypeDeclaration().Match(text).Groups["name"].Value;

        public Dictionary<string, string> Constants { get; } = Constant().Matches(text)
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value);
    }

    [GeneratedRegex(@"const string (?<name>\w+) = ""(?<value>[^""]*)"";")]
    private static partial Regex Constant();

    [GeneratedRegex(@"^(?:public |internal |static |sealed |abstract |partial )*(?:class|record|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\{(?<name>[\w.]+)\}")]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"(?:\bconfiguration|GetRequiredService<IConfiguration>\(\))(?:\[|\.(?<method>GetValue(?:<[^>]+>)?|GetSection|GetConnectionString)\()(?<key>\$?""[^""]*""|[\w.]+)")]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex(@"var (?<name>\w+) = configuration\.GetSection\((?<key>[^)]+)\);")]
    private static partial Regex SectionVariable();
}
