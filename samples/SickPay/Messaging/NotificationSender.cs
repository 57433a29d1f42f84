using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Messaging;

/// <summary>
/// Sends letters to applicants. This class declares no processing purpose yet, which is one of the sample's
/// deliberate findings (see README.md).
/// </summary>
public sealed class NotificationSender(IPostalService postalService)
{
    public Task SendDecisionLetterAsync(Person recipient, string body, CancellationToken cancellationToken = default)
    {
        // CASE001: reads the recipient's address with no declared purpose in scope
        var address = recipient.Address;
        return postalService.SendAsync(new Letter(address.Street, address.PostalCode, address.City, body), cancellationToken);
    }
}

/// <summary>A letter on its way out. All of it is personal data.</summary>
[PersonalData(DataCategories.Contact)]
public sealed record Letter(string Street, string PostalCode, string City, string Body);

/// <summary>Hands letters over to the print and post service.</summary>
public interface IPostalService
{
    Task SendAsync(Letter letter, CancellationToken cancellationToken = default);
}

/// <summary>Keeps letters in an outbox instead of sending them (for the demo).</summary>
public sealed class OutboxPostalService : IPostalService
{
    private readonly List<Letter> sent = [];

    public int SentCount
    {
        get
        {
            lock (sent)
            {
                return sent.Count;
            }
        }
    }

    public Task SendAsync(Letter letter, CancellationToken cancellationToken = default)
    {
        lock (sent)
        {
            sent.Add(letter);
        }

        return Task.CompletedTask;
    }
}
