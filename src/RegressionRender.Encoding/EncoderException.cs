namespace RegressionRender.Encoding;

/// <summary>ffmpeg failed or could not be started; the message ends with ffmpeg's own last words.</summary>
public sealed class EncoderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A program the render needs (ffmpeg) is not installed; the message says how to install it.</summary>
public sealed class MissingDependencyException(string message) : Exception(message);
