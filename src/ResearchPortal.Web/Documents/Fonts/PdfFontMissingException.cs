namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>No usable Chinese font was found; the message is meant for the user.</summary>
public sealed class PdfFontMissingException(string message) : Exception(message)
{
    internal static PdfFontMissingException NotFound(IEnumerable<string> searched) => new(
        $"未找到中文字体（已查找：{string.Join("、", searched)}），无法生成 PDF。" +
        "请安装 fonts-wqy-microhei（Debian/Ubuntu: apt-get install fonts-wqy-microhei）或设置 Pdf:FontPath 指向 wqy-microhei.ttc。");

    internal static PdfFontMissingException Unusable(string path, string reason) => new(
        $"字体文件 {path} 不可用：{reason}。" +
        "请安装 fonts-wqy-microhei（Debian/Ubuntu: apt-get install fonts-wqy-microhei）或设置 Pdf:FontPath 指向 wqy-microhei.ttc。");
}
