namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>The whole model behind both hosts: what the endpoints read and change.</summary>
internal sealed class Emulation
{
    public Emulation(EmulatorOptions options, TimeProvider timeProvider)
    {
        Options = options;
        Clock = new EmulatorClock(timeProvider);
        Tokens = new TokenRegistry(Clock, options);
    }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public ClientRegistry Clients { get; } = new();

    public AccountDirectory Accounts { get; } = new();

    public TokenRegistry Tokens { get; }

    public Outages Outages { get; } = new();
}
