using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ResearchPortal.Web.Tests.Documents;

/// <summary>
/// Checks a PDF with the tools a reader's machine has: poppler's pdftotext, pdffonts, pdfsig and pdftoppm, and qpdf
/// (test.sh installs poppler-utils and qpdf). Each call writes the file to a temporary folder.
/// </summary>
internal static partial class PdfTools
{
    /// <summary>The text layer as poppler reads it, without whitespace (the layout's gaps are not text).</summary>
    public static string Text(byte[] pdf) => Whitespace().Replace(Run(pdf, "pdftotext", "-enc UTF-8 {0} -").Output, "");

    /// <summary>
    /// Each page's lines as <c>pdftotext -layout</c> sets them (what a reader sees side by side is one line), without
    /// whitespace and without empty lines.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> PageLines(byte[] pdf) =>
    [
        .. Run(pdf, "pdftotext", "-layout -enc UTF-8 {0} -").Output
            .Split('\f')
            .SkipLast(1) // pdftotext ends every page with a form feed
            .Select(page => (IReadOnlyList<string>)[.. page.Split('\n').Select(line => Whitespace().Replace(line, "")).Where(line => line.Length > 0)]),
    ];

    /// <summary>The names of the fonts embedded as subsets, without the subset tag ("ABCDEF+HanaMinA Regular" → "HanaMinA Regular").</summary>
    public static IReadOnlyList<string> EmbeddedSubsetFonts(byte[] pdf) =>
        [.. SubsetFontLine().Matches(Run(pdf, "pdffonts", "{0}").Output).Select(m => m.Groups["name"].Value).Distinct()];

    /// <summary>qpdf's complaints; empty when the file is clean (exit code 0, no warnings).</summary>
    public static string QpdfProblems(byte[] pdf)
    {
        var (exitCode, output) = Run(pdf, "qpdf", "--check {0}", acceptExitCodes: [0, 2, 3]);
        return exitCode == 0 && !output.Contains("WARNING", StringComparison.Ordinal) ? "" : output;
    }

    /// <summary>pdfsig's report of the file's signatures ("Signature Validation: Signature is Valid." when intact).</summary>
    public static string SignatureReport(byte[] pdf) => Run(pdf, "pdfsig", "{0}", acceptExitCodes: [0, 1, 2]).Output;

    /// <summary>
    /// Renders every page at 60 dpi to <c>$RESEARCHPORTAL_ARTIFACTS/pdf-pages/{name}/page-{n}.png</c> (pdftoppm's
    /// numbering) and returns the paths in page order.
    /// </summary>
    public static IReadOnlyList<string> RenderPages(byte[] pdf, string name)
    {
        var artifacts = Environment.GetEnvironmentVariable("RESEARCHPORTAL_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        var folder = Path.Combine(artifacts, "pdf-pages", name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        Run(pdf, "pdftoppm", $"-png -r 60 {{0}} \"{Path.Combine(folder, "page")}\"");
        return [.. Directory.GetFiles(folder, "page-*.png").Order()];
    }

    private static (int ExitCode, string Output) Run(byte[] pdf, string tool, string argumentsFormat, int[]? acceptExitCodes = null)
    {
        var folder = Directory.CreateTempSubdirectory("pdf-tools-");
        try
        {
            var file = Path.Combine(folder.FullName, "document.pdf");
            File.WriteAllBytes(file, pdf);
            var info = new ProcessStartInfo(tool, string.Format(argumentsFormat, $"\"{file}\""))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var output = stdout + stderr.Result;
            Assert.True((acceptExitCodes ?? [0]).Contains(process.ExitCode), $"{tool} exited with {process.ExitCode}: {output}");
            return (process.ExitCode, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A pdffonts row of a subset font that is embedded: name, type…, then "emb sub uni" as yes yes yes.</summary>
    [GeneratedRegex(@"^[A-Z]{6}\+(?<name>.{1,29}?)\s{2,}.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", RegexOptions.Multiline)]
    private static partial Regex SubsetFontLine();
}
