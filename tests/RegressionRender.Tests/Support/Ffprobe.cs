using System.Globalization;
using System.Text.Json;

namespace RegressionRender.Tests.Support;

/// <summary>Facts about a video from ffprobe: codec, size, pixel format, frame count, duration.</summary>
internal sealed record VideoFacts(string Codec, int Width, int Height, string PixelFormat, int Frames, double Duration, string? ColorSpace)
{
    public static VideoFacts Probe(string path)
    {
        var json = Run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,pix_fmt,nb_read_frames,color_space:format=duration", "-of", "json", path);
        using var document = JsonDocument.Parse(json);
        var stream = document.RootElement.GetProperty("streams")[0];
        var format = document.RootElement.GetProperty("format");
        return new VideoFacts(
            stream.GetProperty("codec_name").GetString()!,
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            stream.GetProperty("pix_fmt").GetString()!,
            int.Parse(stream.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture),
            format.TryGetProperty("duration", out var duration) ? double.Parse(duration.GetString()!, CultureInfo.InvariantCulture) : double.NaN,
            stream.TryGetProperty("color_space", out var space) ? space.GetString() : null);
    }

    public static string Run(string file, params string[] arguments)
    {
        var result = ChildProcess.Run(file, null, arguments);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"{file} failed: {result.Error}");
    }
}
