using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>Accounts, their users, and the users' signed-in sessions.</summary>
internal sealed class AccountDirectory
{
    public const string SessionCookieName = "kl_session";
    public const int RecentLimit = 10;

    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, User> _sessions = new(StringComparer.Ordinal);

    // The sign-in page offers the latest accounts; a bounded list, however many scenarios run.
    private readonly Queue<Account> _recent = new();

    public Account CreateAccount(bool allowlisted)
    {
        var account = new Account("acc_" + RandomValue.Create(9), allowlisted);
        _accounts[account.Id] = account;
        lock (_recent)
        {
            _recent.Enqueue(account);
            if (_recent.Count > RecentLimit)
            {
                _recent.Dequeue();
            }
        }

        return account;
    }

    /// <summary>The accounts created last, newest first (at most <see cref="RecentLimit"/>).</summary>
    public IReadOnlyList<Account> RecentAccounts()
    {
        lock (_recent)
        {
            return [.. _recent.Reverse()];
        }
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
