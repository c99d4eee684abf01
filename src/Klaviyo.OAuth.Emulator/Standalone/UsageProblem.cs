using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// A command line that does not parse, as one message naming what to fix: each problem once; a value
/// that is not a number said so, without the CLR's type names; a left-out argument named with what it
/// is; System.CommandLine's suggestion for a mistyped name; and where the usage is. The value typed
/// after a mistyped option is never repeated (it may be the secret meant for <c>--client-secret</c>),
/// nor the values of the secret-bearing options. The standalone emulator and the tool both print it.
/// </summary>
public static class UsageProblem
{
    /// <summary>The message for <paramref name="parsed"/>'s errors, ending with <paramref name="usage"/>.</summary>
    /// <param name="parsed">A parse with errors.</param>
    /// <param name="usage">The last line, where the usage is (e.g. "Run 'x --help' for usage.").</param>
    /// <param name="secretOptions">Options whose values are secrets, masked wherever they appear.</param>
    public static string Of(ParseResult parsed, string usage, IEnumerable<string> secretOptions)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var unknownValues = ValuesOfUnknownOptions(parsed);
        var switchValues = ValuesOfSwitches(parsed);
        var lines = new List<string>();
        foreach (var error in parsed.Errors)
        {
            if (error.SymbolResult is CommandResult && unknownValues.Any(value => error.Message.Contains($"'{value}'", StringComparison.Ordinal)))
            {
                continue;
            }

            lines.Add(error.SymbolResult is CommandResult && switchValues.FirstOrDefault(v => error.Message.Contains($"'{v.Value}'", StringComparison.Ordinal)) is ({ } name, { } value)
                ? $"{name} is a switch: give it alone to turn it on, without '{value}'."
                : Worded(error));
        }

        lines.AddRange(TypoCorrections(parsed));
        lines.Add(usage);
        var text = string.Join(Environment.NewLine, lines.SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct());
        return Hidden(parsed, secretOptions).Redact(text);
    }

    /// <summary>Whether a token was typed as an option (<c>--name</c>, <c>-n</c>), not a value, <c>-</c> or a negative number.</summary>
    public static bool LooksLikeOption(string token) =>
        token is ['-', _, ..] && !char.IsAsciiDigit(token[1]) && token[1] != '.';

    private static string Worded(ParseError error) => error.SymbolResult switch
    {
        // "Cannot parse argument 'abc' for option '--data-seed' as expected type 'System.Int32'".
        OptionResult { Tokens: [var token] } option when IsWholeNumber(option.Option.ValueType) && !long.TryParse(token.Value, out _) =>
            $"{option.Option.Name} '{token.Value}' is not a whole number.",
        ArgumentResult { Parent: OptionResult option, Tokens: [var token] } when IsWholeNumber(option.Option.ValueType) && !long.TryParse(token.Value, out _) =>
            $"{option.Option.Name} '{token.Value}' is not a whole number.",
        // "Required argument missing for command: 'compare'".
        ArgumentResult { Parent: CommandResult command } missing when missing.Tokens.Count < missing.Argument.Arity.MinimumNumberOfValues =>
            $"{command.Command.Name} needs <{missing.Argument.HelpName ?? missing.Argument.Name}>: {missing.Argument.Description}.",
        CommandResult command when MissingArgument(command) is { } missing =>
            $"{command.Command.Name} needs <{missing.HelpName ?? missing.Name}>: {missing.Description}.",
        _ => error.Message,
    };

    private static Argument? MissingArgument(CommandResult command) =>
        command.Command.Arguments.FirstOrDefault(a => (command.GetResult(a)?.Tokens.Count ?? 0) < a.Arity.MinimumNumberOfValues);

    private static bool IsWholeNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(short));

    /// <summary>
    /// The tokens that follow something typed as an option that no option matched (<c>--filtr x</c>,
    /// or <c>grade --har x.har</c> where <c>--har</c> filled the file argument): the value meant for it.
    /// </summary>
    private static HashSet<string> ValuesOfUnknownOptions(ParseResult parsed)
    {
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < parsed.Tokens.Count; i++)
        {
            var before = parsed.Tokens[i - 1];
            var token = parsed.Tokens[i].Value;
            if (before.Type == TokenType.Argument && LooksLikeOption(before.Value) && unmatched.Contains(token) && !LooksLikeOption(token))
            {
                values.Add(token);
            }
        }

        return values;
    }

    /// <summary>The words typed after a switch (<c>--strict-advisory yes</c>) that no argument took, with the switch's name.</summary>
    private static List<(string Name, string Value)> ValuesOfSwitches(ParseResult parsed)
    {
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var values = new List<(string, string)>();
        for (var i = 1; i < parsed.Tokens.Count; i++)
        {
            var before = parsed.Tokens[i - 1];
            if (before.Type == TokenType.Option
                && parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == before.Value || o.Aliases.Contains(before.Value)) is { } option
                && option.ValueType == typeof(bool) && unmatched.Contains(parsed.Tokens[i].Value) && !LooksLikeOption(parsed.Tokens[i].Value))
            {
                values.Add((option.Name, parsed.Tokens[i].Value));
            }
        }

        return values;
    }

    /// <summary>Masks the secret options' values, the values meant for unknown options, and what follows '=' in an unknown option.</summary>
    private static SecretRedactor Hidden(ParseResult parsed, IEnumerable<string> secretOptions)
    {
        var secret = secretOptions.ToHashSet(StringComparer.Ordinal);
        var redactor = new SecretRedactor();
        foreach (var value in ValuesOfUnknownOptions(parsed))
        {
            redactor.Register(value);
        }

        for (var i = 0; i < parsed.Tokens.Count; i++)
        {
            var token = parsed.Tokens[i].Value;
            if (token.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals && LooksLikeOption(token))
            {
                redactor.Register(token[(equals + 1)..]);
            }
            else if (secret.Contains(token) && i + 1 < parsed.Tokens.Count)
            {
                redactor.Register(parsed.Tokens[i + 1].Value);
            }
        }

        return redactor;
    }

    /// <summary>System.CommandLine's own corrections ("Did you mean one of the following?"), without its help.</summary>
    private static IEnumerable<string> TypoCorrections(ParseResult parsed)
    {
        if (parsed.Action is not ParseErrorAction suggestions)
        {
            return [];
        }

        suggestions.ShowHelp = false;
        suggestions.ShowTypoCorrections = true;
        using var corrections = new StringWriter();
        parsed.InvocationConfiguration.Output = corrections;
        parsed.InvocationConfiguration.Error = TextWriter.Null;
        suggestions.Invoke(parsed);
        return [corrections.ToString()];
    }
}
