using Vendor.Export;

namespace Support.Export;

/// <summary>Hands case files over to other agencies that ask for them.</summary>
public sealed class CaseFileHandover(CaseFileExporter exporter, RecipientPolicy policy)
{
    public bool Handover(CaseFile file, string recipientAgency)
    {
        if (!policy.MayReceive(recipientAgency, file))
        {
            return false;
        }

        exporter.Export(file, recipientAgency);
        return true;
    }

    /// <summary>The batch job for Skatteverket's standing request.</summary>
    public int HandoverAll(IEnumerable<CaseFile> files, string recipientAgency)
    {
        var sent = 0;
        foreach (var file in files)
        {
            // CASE101 (EXPORT-MOTTAGARE): the batch never checks that the recipient may receive the file
            exporter.Export(file, recipientAgency);
            sent++;
        }

        return sent;
    }
}
