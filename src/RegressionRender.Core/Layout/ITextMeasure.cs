namespace RegressionRender.Core.Layout;

/// <summary>How wide text is drawn, in pixels: layout decides with it where text goes, without knowing how it is drawn.</summary>
public interface ITextMeasure
{
    /// <summary>The advance width of <paramref name="text"/> at <paramref name="sizePx"/> pixels.</summary>
    float Width(string text, float sizePx, bool bold = false);
}
