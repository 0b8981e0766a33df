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

    /// <summary>
    /// Draws the code as filled squares instead of an image: sharp at any zoom and far cheaper than encoding and
    /// embedding a PNG, which matters when hundreds of certificates go into one file.
    /// </summary>
    public static void DrawVector(XGraphics graphics, string payload, XRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix; // includes the quiet zone
        var moduleSize = area.Width / modules.Count;
        var path = new XGraphicsPath();
        for (var row = 0; row < modules.Count; row++)
        {
            // One rectangle per horizontal run of dark modules keeps the content stream short.
            var column = 0;
            while (column < modules.Count)
            {
                if (!modules[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules.Count && modules[row][column])
                {
                    column++;
                }

                path.AddRectangle(area.X + start * moduleSize, area.Y + row * moduleSize, (column - start) * moduleSize, moduleSize);
            }
        }

        graphics.DrawPath(XBrushes.Black, path);
    }
}
