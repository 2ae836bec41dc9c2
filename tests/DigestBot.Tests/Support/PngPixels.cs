using System.Buffers.Binary;
using System.IO.Compression;

namespace DigestBot.Tests.Support;

/// <summary>
/// The pixels of a PNG as Chromium writes its screenshots (8-bit RGB or RGBA, not interlaced), decoded by the PNG
/// specification's filters so a test can check colours and where they are.
/// </summary>
public sealed class PngPixels
{
    private readonly byte[] pixels;
    private readonly int channels;

    private PngPixels(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var at = ((y * Width) + x) * channels;
            return (pixels[at], pixels[at + 1], pixels[at + 2]);
        }
    }

    public static PngPixels Read(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at, 4));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data[..4]);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..8]);
                channels = (data[8], data[9], data[12]) switch
                {
                    (8, 6, 0) => 4,
                    (8, 2, 0) => 3,
                    var other => throw new NotSupportedException($"PNG bit depth, colour type, interlace {other} is not decoded here."),
                };
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngPixels(width, height, channels, Unfilter(inflated.ToArray(), width * channels, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int stride, int height, int bpp)
    {
        var output = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride);
            var current = output.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : output.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? current[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter} in row {y}."),
                };
                current[i] = (byte)(row[i] + predicted);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
