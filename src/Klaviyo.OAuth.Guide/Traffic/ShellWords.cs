using System.Globalization;
using System.Text;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// Splits POSIX shell text, as "Copy as cURL" writes it, into commands and their words: single
/// and double quotes, <c>$'…'</c> with its escapes, backslashes, and line continuations. An
/// unquoted newline, <c>;</c> or <c>&amp;&amp;</c> ends a command.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<IReadOnlyList<string>> Commands(string text, string sourceName)
    {
        var commands = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add([.. words]);
                words.Clear();
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n')):
                    i += text[i + 1] == '\r' ? 3 : 2; // line continuation
                    break;
                case '\\':
                    inWord = true;
                    if (i + 1 < text.Length)
                    {
                        word.Append(text[i + 1]);
                    }

                    i += 2;
                    break;
                case '\'':
                    inWord = true;
                    i = SingleQuoted(text, i + 1, word, sourceName);
                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '\'':
                    inWord = true;
                    i = AnsiQuoted(text, i + 2, word, sourceName);
                    break;
                case '"':
                    inWord = true;
                    i = DoubleQuoted(text, i + 1, word, sourceName);
                    break;
                case '\n' or ';':
                    EndCommand();
                    i++;
                    break;
                case '&' when i + 1 < text.Length && text[i + 1] == '&':
                    EndCommand();
                    i += 2;
                    break;
                case '#' when !inWord:
                    // A comment runs to the end of the line.
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    i++;
                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    i++;
                    break;
            }
        }

        EndCommand();
        return commands;
    }

    private static int SingleQuoted(string text, int i, StringBuilder word, string sourceName)
    {
        var end = text.IndexOf('\'', i);
        if (end < 0)
        {
            throw Unclosed(sourceName, '\'');
        }

        word.Append(text, i, end - i);
        return end + 1;
    }

    private static int DoubleQuoted(string text, int i, StringBuilder word, string sourceName)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '"' or '$' or '`' or '\n')
            {
                if (text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                }

                i += 2;
                continue;
            }

            word.Append(c);
            i++;
        }

        throw Unclosed(sourceName, '"');
    }

    private static int AnsiQuoted(string text, int i, StringBuilder word, string sourceName)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                return i + 1;
            }

            if (c != '\\' || i + 1 >= text.Length)
            {
                word.Append(c);
                i++;
                continue;
            }

            var e = text[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': word.Append('\n'); break;
                case 'r': word.Append('\r'); break;
                case 't': word.Append('\t'); break;
                case '0': word.Append('\0'); break;
                case 'x' or 'u' or 'U':
                    var digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    var length = 0;
                    while (length < digits && i + length < text.Length && char.IsAsciiHexDigit(text[i + length]))
                    {
                        length++;
                    }

                    if (length == 0)
                    {
                        word.Append('\\').Append(e);
                        break;
                    }

                    var code = int.Parse(text.AsSpan(i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    word.Append(code <= 0x10FFFF ? char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code) : "\uFFFD");
                    i += length;
                    break;
                default: word.Append(e); break; // \\ \' \" and the rest stand for themselves
            }
        }

        throw Unclosed(sourceName, '\'');
    }

    private static TrafficFormatException Unclosed(string sourceName, char quote) =>
        new($"{sourceName}: a quote ({quote}) is never closed; the command line looks cut off.");
}
