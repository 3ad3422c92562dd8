using System.Text;
using InteropHub.Contracts.Stores;

namespace InteropHub.Core.Webhooks;

/// <summary>A claimed delivery: the claim (its lease), the event to send, where, and the key to sign it with.</summary>
public sealed record WebhookDispatch(long DeliveryId, Guid Lease, Guid SubscriptionId, Uri Url, string Secret, StoredEvent Event)
{
    // The secret never reaches a log through a record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"DeliveryId = {DeliveryId}, SubscriptionId = {SubscriptionId}, EventId = {Event.Id}");
        return true;
    }
}
