using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>Accounts, their users, and the users' signed-in sessions.</summary>
internal sealed class AccountDirectory
{
    public const string SessionCookieName = "kl_session";

    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _sessions = new(StringComparer.Ordinal);

    public Account CreateAccount(bool allowlisted)
    {
        var account = new Account("acc_" + RandomValue.Create(9), allowlisted);
        _accounts[account.Id] = account;
        return account;
    }

    public Account? FindAccount(string? accountId) =>
        accountId is not null && _accounts.TryGetValue(accountId, out var a) ? a : null;

    public User CreateUser(string accountId, UserRole role)
    {
        if (FindAccount(accountId) is null)
        {
            throw new KeyNotFoundException("The account does not exist.");
        }

        var user = new User("usr_" + RandomValue.Create(9), accountId, role);
        _users[user.Id] = user;
        return user;
    }

    public string SignIn(string userId)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            throw new KeyNotFoundException("The user does not exist.");
        }

        var cookie = RandomValue.Create(24);
        _sessions[cookie] = user;
        return cookie;
    }

    public User? UserOfSession(string? cookieValue) =>
        cookieValue is not null && _sessions.TryGetValue(cookieValue, out var u) ? u : null;
}
