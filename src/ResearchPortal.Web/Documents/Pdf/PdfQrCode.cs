using PdfSharp.Drawing;
using QRCoder;

namespace ResearchPortal.Web.Documents.Pdf;

/// <summary>Draws QR codes (e.g. the certificate verification link) into PDFsharp graphics.</summary>
public static class PdfQrCode
{
    private const int PixelsPerModule = 8;
    private static readonly byte[] Black = [0, 0, 0];
    private static readonly byte[] White = [255, 255, 255];

    public static byte[] ToPng(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        // Explicit colours give an indexed PNG; PDFsharp rejects the default 1-bit greyscale one.
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule, Black, White);
    }

    public static void Draw(XGraphics graphics, string payload, XRect area)
    {
        using var stream = new MemoryStream(ToPng(payload));
        using var image = XImage.FromStream(stream);
        // Nearest-neighbour scaling keeps the modules sharp for scanners.
        image.Interpolate = false;
        graphics.DrawImage(image, area);
    }
}
