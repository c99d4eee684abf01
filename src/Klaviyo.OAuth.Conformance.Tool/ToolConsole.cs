using Klaviyo.OAuth.Conformance.Runner;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <see cref="IToolConsole"/> on Spectre.Console: colour and a live display where the output is a
/// terminal (its profile's capabilities say so), plain lines when it is redirected.
/// </summary>
internal sealed class ToolConsole : IToolConsole
{
    // Redirected output has no width: tables and lines are laid out this wide, not wrapped at 80.
    private const int RedirectedWidth = 160;

    private readonly IAnsiConsole _out;
    private readonly TextWriter _error;
    private readonly Lazy<TextReader> _input;
    private readonly Lock _gate = new();
    private LiveRunProgress? _live;

    /// <summary>A console on these writers; live when <paramref name="live"/> says so, or when <paramref name="output"/> is the process's terminal.</summary>
    /// <param name="input">Standard input, opened when a question is first asked.</param>
    public ToolConsole(TextWriter output, TextWriter error, Func<TextReader> input, bool? live = null)
        : this(output, error, input, live ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected))
    {
    }

    private ToolConsole(TextWriter output, TextWriter error, Func<TextReader> input, bool terminal)
        : this(Ansi(output, terminal), output, error, input, terminal)
    {
    }

    /// <summary>A console drawn by <paramref name="console"/>, with <paramref name="output"/> for what is printed whole.</summary>
    internal ToolConsole(IAnsiConsole console, TextWriter output, TextWriter error, Func<TextReader> input, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(output);
        _out = console;
        Out = output;
        _error = error;
        _input = new Lazy<TextReader>(input);
        IsLive = terminal && console.Profile.Capabilities.Ansi && console.Profile.Capabilities.Interactive;
    }

    /// <summary>The process's own console.</summary>
    public static ToolConsole ForProcess() => new(Console.Out, Console.Error, () => Console.In);

    public bool IsLive { get; }

    /// <summary>A live display is on screen now (not paused, not ended).</summary>
    internal bool IsDisplaying
    {
        get
        {
            lock (_gate)
            {
                return _live?.IsShowing == true;
            }
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error => _error;

    public void Line(string text)
    {
        lock (_gate)
        {
            if (IsLive)
            {
                _out.WriteLine(text);
            }
            else
            {
                Out.WriteLine(text);
            }
        }
    }

    public void Header(string label, string value)
    {
        lock (_gate)
        {
            if (IsLive)
            {
                _out.MarkupLineInterpolated($"[bold]{label}:[/] {value}");
            }
            else
            {
                Out.WriteLine($"{label}: {value}");
            }
        }
    }

    public void Verdict(bool passes, string text)
    {
        lock (_gate)
        {
            if (!IsLive)
            {
                Out.WriteLine(text);
            }
            else if (passes)
            {
                _out.MarkupLineInterpolated($"[bold green]{text}[/]");
            }
            else
            {
                _out.MarkupLineInterpolated($"[bold red]{text}[/]");
            }
        }
    }

    public void Problem(string message)
    {
        lock (_gate)
        {
            _error.WriteLine(message);
        }
    }

    public void Write(IRenderable renderable)
    {
        lock (_gate)
        {
            _out.Write(renderable);
        }
    }

    public void PrintWhole(string text) => Paused(() =>
    {
        Out.WriteLine(text);
        Out.Flush();
        return 0;
    });

    public async Task<string?> AskAsync(string question, CancellationToken cancellation = default)
    {
        var live = Pause();
        try
        {
            lock (_gate)
            {
                Out.WriteLine(question);
                Out.Flush();
            }

            return await _input.Value.ReadLineAsync(cancellation);
        }
        finally
        {
            live?.Resume();
        }
    }

    public async Task<T> ShowRunAsync<T>(string title, Func<IRunProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsLive)
        {
            return await work(new TextRunProgress(Out));
        }

        var live = new LiveRunProgress(_out, _gate, title);
        lock (_gate)
        {
            _live = live;
        }

        try
        {
            return await work(live);
        }
        finally
        {
            live.Stop();
            lock (_gate)
            {
                _live = null;
            }
        }
    }

    private static IAnsiConsole Ansi(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private LiveRunProgress? Pause()
    {
        LiveRunProgress? live;
        lock (_gate)
        {
            live = _live;
        }

        live?.Pause();
        return live;
    }

    private T Paused<T>(Func<T> action)
    {
        var live = Pause();
        try
        {
            lock (_gate)
            {
                return action();
            }
        }
        finally
        {
            live?.Resume();
        }
    }
}
