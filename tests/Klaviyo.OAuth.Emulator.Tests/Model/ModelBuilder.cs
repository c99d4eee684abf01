using Klaviyo.OAuth.Emulator.Model;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

/// <summary>A model on a fake clock, with one client that holds a fresh refresh token.</summary>
internal sealed class ModelBuilder
{
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    public const string RedirectUri = "http://127.0.0.1/callback";

    public ModelBuilder(EmulatorOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero));
        Emulation = new Emulation(options ?? new EmulatorOptions(), Time);
        Client = Emulation.Clients.Register();
        AccountId = Emulation.Accounts.CreateAccount(allowlisted: true).Id;
    }

    public FakeTimeProvider Time { get; }

    public Emulation Emulation { get; }

    public Client Client { get; }

    public string AccountId { get; }

    public TokenRegistry Tokens => Emulation.Tokens;

    public AuthorizationCode IssueCode(string challenge = Challenge) =>
        Tokens.IssueCode(Client.Id, RedirectUri, "accounts:read", challenge, AccountId);

    public CodeExchange Exchange() => Tokens.ExchangeCode(Client.Id, IssueCode().Value, RedirectUri, Verifier);

    public string NewRefreshToken() => Exchange().RefreshToken!.Value;
}
