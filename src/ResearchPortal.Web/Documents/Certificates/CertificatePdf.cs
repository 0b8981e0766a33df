using System.IO.Compression;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>
/// 结业证书, one landscape A4 page per holder inside a double border: the holder's name on one line (set smaller as
/// it gets longer, down to the longest name a roster allows), the text, a seal area (盖章) for the applicant unit and one
/// for the host unit, the number and a QR code opening the public verification page with the number filled in.
/// The holder's name is deliberately not in the link: the verifier must type it, so the QR code (or a photo of it)
/// does not by itself confirm whose certificate it is.
/// One instance serves a whole batch: fonts, faces and the fixed parts of the layout are set up once.
/// </summary>
public sealed class CertificatePdf
{
    public const string Title = "结业证书";

    /// <summary>The label in the middle of each seal area.</summary>
    public const string SealLabel = "（盖章）";

    public const string Programme = "山东省专业技术人才知识更新工程";

    /// <summary>How many files of a ZIP are drawn in parallel at most, however many processors there are.</summary>
    public const int MaxFilesDrawnAtOnce = 4;

    private const string Salutation = "同志：";
    private const string VerificationHint = "扫码或访问本平台“证书查验”页面核验";

    // Landscape A4 in points; every position below is fixed, so a certificate can never run onto a second page.
    private static readonly double PageWidth = PageSizeConverter.ToSize(PageSize.A4).Height;
    private static readonly double PageHeight = PageSizeConverter.ToSize(PageSize.A4).Width;
    private const double OuterFrameInset = 22;
    private const double InnerFrameInset = 30;
    private const double CornerSize = 26;
    private const double Left = 72;
    private static readonly double ContentWidth = PageWidth - 2 * Left;

    private const double ProgrammeTop = 60;
    private const double TitleTop = 90;
    private const double TitleSize = 42;
    private const double NameBaseline = 198;
    private const double NameMaxSize = 28;
    private const double SalutationSize = 18;
    private const double BodyTop = 222;
    private const double BodyBottom = 380;
    private const double BodyMaxSize = 17;
    private const double BodyLineSpacing = 1.9;

    private const double QrTop = 392;
    private const double QrSize = 90;
    private const double NumberSize = 11;
    private const double NumberWidth = 250;
    private const double SealRadius = 50;
    private const double SealCentreY = 440;
    private const double SealColumnWidth = 210;
    private const double UnitTop = 496;
    private const double UnitMaxSize = 13;
    private const int UnitMaxLines = 2;
    private const double DateTop = 534;

    private static readonly XColor FrameColour = XColor.FromArgb(150, 28, 28);
    private static readonly XPen OuterFramePen = new(FrameColour, 3);
    private static readonly XPen InnerFramePen = new(FrameColour, 0.9);
    private static readonly XPen CornerPen = new(FrameColour, 1.6);
    private static readonly XPen SealPen = new(XColors.Gray, 0.9) { DashStyle = XDashStyle.Dash };
    private static readonly XPen RulePen = new(XColors.Black, 0.6);
    private static readonly XBrush CornerBrush = new XSolidBrush(FrameColour);

    private readonly string _baseUrl;
    private readonly CertificateSigner? _signer;
    private readonly PdfFontFace _programmeFace;
    private readonly PdfFontFace _titleFace;
    private readonly PdfFontFace _nameFace;
    private readonly PdfFontFace _salutationFace;
    private readonly PdfFontFace _numberFace;
    private readonly PdfFontFace _hintFace;
    private readonly PdfFontFace _sealFace;
    private readonly PdfFontFace _dateFace;
    private readonly double _salutationWidth;

    /// <summary>Certificates linking to <paramref name="baseUrl"/>, each file signed by <paramref name="signer"/> (none: the layout tests).</summary>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public CertificatePdf(string baseUrl, PdfFontOptions fonts, CertificateSigner? signer = null)
    {
        CjkFontResolver.EnsureRegistered(fonts);
        _baseUrl = baseUrl;
        _signer = signer;
        _programmeFace = PdfFontFace.Get(16, bold: false);
        _titleFace = PdfFontFace.Get(TitleSize, bold: true);
        _nameFace = PdfFontFace.Get(NameMaxSize, bold: true);
        _salutationFace = PdfFontFace.Get(SalutationSize, bold: false);
        _numberFace = PdfFontFace.Get(NumberSize, bold: false);
        _hintFace = PdfFontFace.Get(9, bold: false);
        _sealFace = PdfFontFace.Get(10, bold: false);
        _dateFace = PdfFontFace.Get(14, bold: false);
        _salutationWidth = _salutationFace.Width(Salutation);
    }

    /// <summary>"{baseUrl}/Verify?number=…", the page the QR code opens.</summary>
    public static string VerificationLink(string baseUrl, string number) =>
        $"{baseUrl.TrimEnd('/')}/Verify?number={Uri.EscapeDataString(number)}";

    /// <summary>All certificates in one file, one page each.</summary>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(IReadOnlyList<IssuedCertificate> certificates, string baseUrl, PdfFontOptions fonts, CertificateSigner? signer = null) =>
        new CertificatePdf(baseUrl, fonts, signer).RenderAll(certificates);

    /// <summary>All certificates in one file, one page each.</summary>
    public byte[] RenderAll(IReadOnlyList<IssuedCertificate> certificates)
    {
        if (certificates.Count == 0)
        {
            throw new ArgumentException("At least one certificate is needed.", nameof(certificates));
        }
        return Save(certificates, $"{certificates[0].ProjectNumber} {Title}");
    }

    /// <summary>
    /// One holder's certificate as its own file: the single download and every file of the ZIP are made here and only
    /// here, so whatever each certificate file needs (such as a signature) is added in this one place.
    /// </summary>
    public byte[] RenderFile(IssuedCertificate certificate) => Save([certificate], $"{certificate.Number} {Title}");

    /// <summary>
    /// Writes a ZIP with one PDF per holder, named "证书编号-姓名.pdf", into <paramref name="output"/> file by file:
    /// the receiver gets the first file while the rest are still being drawn, and only the files being drawn (one per
    /// processor, at most <see cref="MaxFilesDrawnAtOnce"/>) are in memory. Writes to <paramref name="output"/>
    /// asynchronously only, so it can be a response body.
    /// </summary>
    public async Task WriteZipAsync(IEnumerable<IssuedCertificate> certificates, Stream output, CancellationToken cancellationToken)
    {
        var drawing = new Queue<(string Name, Task<byte[]> File)>();
        var pending = new PendingWrites();
        using (var zip = new ZipArchive(pending, ZipArchiveMode.Create, leaveOpen: true))
        {
            async Task WriteNextAsync()
            {
                var (name, file) = drawing.Dequeue();
                var content = await file;
                // PDF streams are already compressed; storing them saves time and costs almost no space.
                using (var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open())
                {
                    entry.Write(content);
                }
                await pending.DrainToAsync(output, cancellationToken);
            }

            var drawnAtOnce = Math.Clamp(Environment.ProcessorCount, 1, MaxFilesDrawnAtOnce);
            foreach (var certificate in certificates)
            {
                drawing.Enqueue((certificate.FileName, Task.Run(() => RenderFile(certificate), cancellationToken)));
                if (drawing.Count >= drawnAtOnce)
                {
                    await WriteNextAsync();
                }
            }
            while (drawing.Count > 0)
            {
                await WriteNextAsync();
            }
        }
        await pending.DrainToAsync(output, cancellationToken); // the central directory
    }

    private byte[] Save(IReadOnlyList<IssuedCertificate> certificates, string title)
    {
        using var document = new PdfDocument();
        PdfFileOutput.Prepare(document);
        document.Info.Creator = "ResearchPortal";
        document.Info.Title = title;
        foreach (var certificate in certificates)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            Draw(graphics, certificate);
        }
        var file = PdfFileOutput.Save(document);
        return _signer is null ? file : _signer.Sign(file, certificates);
    }

    private void Draw(XGraphics g, IssuedCertificate certificate)
    {
        DrawFrame(g);
        DrawCentred(g, _programmeFace, Programme, ProgrammeTop);
        DrawTitle(g);
        DrawName(g, certificate.HolderName);
        DrawBody(g, certificate);
        DrawVerification(g, certificate.Number);
        var sealsLeft = PageWidth - Left - 2 * SealColumnWidth;
        DrawSealArea(g, sealsLeft, $"申报单位：{certificate.ApplicantName}");
        DrawSealArea(g, sealsLeft + SealColumnWidth, $"承办单位：{certificate.HostName}");
        var date = FormText.Date(certificate.Dates?.End);
        _dateFace.Draw(g, date, PageWidth - Left - _dateFace.Width(date), DateTop);
    }

    /// <summary>A heavy outer rule, a fine inner rule and an angled bracket inside each corner.</summary>
    private static void DrawFrame(XGraphics g)
    {
        g.DrawRectangle(OuterFramePen, OuterFrameInset, OuterFrameInset, PageWidth - 2 * OuterFrameInset, PageHeight - 2 * OuterFrameInset);
        g.DrawRectangle(InnerFramePen, InnerFrameInset, InnerFrameInset, PageWidth - 2 * InnerFrameInset, PageHeight - 2 * InnerFrameInset);
        const double inset = InnerFrameInset + 6;
        foreach (var (x, dx) in new[] { (inset, 1d), (PageWidth - inset, -1d) })
        {
            foreach (var (y, dy) in new[] { (inset, 1d), (PageHeight - inset, -1d) })
            {
                g.DrawLines(CornerPen, [new XPoint(x, y + dy * CornerSize), new XPoint(x, y), new XPoint(x + dx * CornerSize, y)]);
                g.DrawRectangle(CornerBrush, x + dx * 4 - 2, y + dy * 4 - 2, 4, 4);
            }
        }
    }

    /// <summary>结 业 证 书, each character half an em apart.</summary>
    private void DrawTitle(XGraphics g)
    {
        var gap = TitleSize / 2;
        var x = (PageWidth - (_titleFace.Width(Title) + gap * (Title.Length - 1))) / 2;
        foreach (var character in Title)
        {
            var text = character.ToString();
            _titleFace.Draw(g, text, x, TitleTop);
            x += _titleFace.Width(text) + gap;
        }
    }

    /// <summary>"姓名 同志：" on one line, the name underlined and set as large as fits, in half-point steps.</summary>
    private void DrawName(XGraphics g, string name)
    {
        var available = ContentWidth - _salutationWidth - 8;
        var widthAtMax = _nameFace.Width(name);
        var face = widthAtMax <= available
            ? _nameFace
            : PdfFontFace.Get(Math.Max(0.5, Math.Floor(2 * NameMaxSize * available / widthAtMax) / 2), bold: true);
        var nameWidth = face.Width(name);
        var x = Left + (ContentWidth - nameWidth - _salutationWidth - 8) / 2;
        face.Draw(g, name, x, TopFor(face, NameBaseline));
        g.DrawLine(RulePen, x - 4, NameBaseline + 5, x + nameWidth + 4, NameBaseline + 5);
        _salutationFace.Draw(g, Salutation, x + nameWidth + 8, TopFor(_salutationFace, NameBaseline));
    }

    private static void DrawBody(XGraphics g, IssuedCertificate certificate)
    {
        var text =
            $"于{FormText.Period(certificate.Dates)}参加“{certificate.ProjectName}”高级研修项目（项目编号：{certificate.ProjectNumber}），"
            + $"完成研修学时 {FormText.Hours(certificate.Hours)} 学时，经考核合格，准予结业。\n特发此证。";
        var (face, lines) = Fit(text, ContentWidth, BodyBottom - BodyTop, BodyMaxSize, BodyLineSpacing, indentChars: 2, maxLines: int.MaxValue);
        var pitch = face.LineHeight * BodyLineSpacing;
        var top = BodyTop + (pitch - face.LineHeight) / 2;
        var indent = 2 * face.Font.Size;
        var paragraphStart = true;
        foreach (var line in lines)
        {
            face.Draw(g, line.Text, Left + (paragraphStart ? indent : 0), top);
            paragraphStart = line.EndsParagraph;
            top += pitch;
        }
    }

    /// <summary>QR code at the lower left with the number and how to check it beneath.</summary>
    private void DrawVerification(XGraphics g, string number)
    {
        PdfQrCode.DrawVector(g, VerificationLink(_baseUrl, number), new XRect(Left - 6, QrTop, QrSize, QrSize));
        var numberLine = $"证书编号：{number}";
        var width = _numberFace.Width(numberLine);
        var face = width <= NumberWidth ? _numberFace : PdfFontFace.Get(Math.Max(0.5, Math.Floor(2 * NumberSize * NumberWidth / width) / 2), bold: false);
        face.Draw(g, numberLine, Left, QrTop + QrSize + 4);
        _hintFace.Draw(g, VerificationHint, Left, QrTop + QrSize + 6 + _numberFace.LineHeight);
    }

    /// <summary>A dashed circle the size of an official seal marked （盖章）, the unit's name beneath it.</summary>
    private void DrawSealArea(XGraphics g, double columnLeft, string unit)
    {
        var centreX = columnLeft + SealColumnWidth / 2;
        g.DrawEllipse(SealPen, centreX - SealRadius, SealCentreY - SealRadius, 2 * SealRadius, 2 * SealRadius);
        _sealFace.Draw(g, SealLabel, centreX - _sealFace.Width(SealLabel) / 2, SealCentreY - _sealFace.LineHeight / 2);
        var (face, lines) = Fit(unit, SealColumnWidth - 10, DateTop - UnitTop - 4, UnitMaxSize, 1.2, indentChars: 0, maxLines: UnitMaxLines);
        var top = UnitTop;
        foreach (var line in lines)
        {
            face.Draw(g, line.Text, centreX - line.Width / 2, top);
            top += face.LineHeight * 1.2;
        }
    }

    private static void DrawCentred(XGraphics g, PdfFontFace face, string text, double top) =>
        face.Draw(g, text, (PageWidth - face.Width(text)) / 2, top);

    /// <summary>The top of a line whose baseline is at <paramref name="baseline"/>, so faces of different sizes share it.</summary>
    private static double TopFor(PdfFontFace face, double baseline) =>
        baseline - face.LineHeight * face.Font.CellAscent / face.Font.CellSpace;

    /// <summary>
    /// Wraps the text at the largest size (in half-point steps) whose lines fit the box, so a long project or unit name
    /// makes the text smaller rather than pushing it over the parts below.
    /// </summary>
    private static (PdfFontFace Face, List<BodyLine> Lines) Fit(
        string text, double width, double height, double maxSize, double lineSpacing, int indentChars, int maxLines)
    {
        var paragraphs = text.Split('\n');
        var lines = new List<BodyLine>();
        var wrapped = new List<TextLine>();
        for (var size = maxSize; ; size -= 0.5)
        {
            var face = PdfFontFace.Get(size, bold: false);
            lines.Clear();
            foreach (var paragraph in paragraphs)
            {
                wrapped.Clear();
                face.Wrap(paragraph, width, indentChars * size, wrapped);
                lines.AddRange(wrapped.Select((line, i) => new BodyLine(line.Text, line.Width, EndsParagraph: i == wrapped.Count - 1)));
            }
            if ((lines.Count <= maxLines && lines.Count * face.LineHeight * lineSpacing <= height) || size <= 1)
            {
                return (face, lines);
            }
        }
    }

    private readonly record struct BodyLine(string Text, double Width, bool EndsParagraph);
}
