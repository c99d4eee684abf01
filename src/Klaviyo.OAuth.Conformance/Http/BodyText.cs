using System.Globalization;
using System.Text;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// Turns a body's bytes into text that is always evidence, never an exception: the declared charset
/// when .NET knows it, else UTF-8; bytes that do not decode are shown as <c>\xNN</c>.
/// </summary>
public static class BodyText
{
    private static readonly Encoding Utf8Escaping = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new EscapingDecoderFallback());

    /// <summary>The text, and a note when it is not what the target declared (unknown charset, undecodable bytes).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, out string? note)
    {
        note = null;
        var encoding = Utf8Escaping;
        var name = charset?.Trim().Trim('"');
        if (!string.IsNullOrEmpty(name) && !name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                encoding = Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                note = $"charset \"{VisibleText.Escape(name)}\" is unknown; the body is shown as UTF-8";
            }
        }

        var text = encoding.GetString(bytes);
        if (ReferenceEquals(encoding, Utf8Escaping) && text.Contains(EscapingDecoderFallback.Marker, StringComparison.Ordinal))
        {
            text = text.Replace(EscapingDecoderFallback.Marker, "\\x", StringComparison.Ordinal);
            note = (note is null ? string.Empty : note + "; ") + "bytes that are not UTF-8 are shown as \\xNN";
        }

        return text;
    }

    /// <summary>Each undecodable byte becomes a marker plus its hex value, so it stays visible and distinct from text.</summary>
    private sealed class EscapingDecoderFallback : DecoderFallback
    {
        // A private-use character the target is unlikely to send; replaced by "\x" after decoding.
        public const string Marker = "\uE000";

        public override int MaxCharCount => 3;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string _pending = string.Empty;
            private int _next;

            public override int Remaining => _pending.Length - _next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _pending = string.Concat(bytesUnknown.Select(b => Marker + b.ToString("X2", CultureInfo.InvariantCulture)));
                _next = 0;
                return true;
            }

            public override char GetNextChar() => _next < _pending.Length ? _pending[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0)
                {
                    return false;
                }

                _next--;
                return true;
            }

            public override void Reset()
            {
                _pending = string.Empty;
                _next = 0;
            }
        }
    }
}
