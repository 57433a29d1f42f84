namespace Vendor.Export;

/// <summary>A case file the support system can hand to another agency.</summary>
public sealed class CaseFile
{
    public required string CaseNumber { get; init; }

    public required string Personnummer { get; init; }

    public bool Protected { get; init; }
}

/// <summary>Sends case files to other agencies.</summary>
public sealed class CaseFileExporter
{
    public int Sent { get; private set; }

    public void Export(CaseFile file, string recipientAgency) => Sent++;
}

/// <summary>Which agencies may receive which case files (sekretessprövning before disclosure).</summary>
public sealed class RecipientPolicy
{
    public bool MayReceive(string recipientAgency, CaseFile file) => !file.Protected && recipientAgency is "Skatteverket" or "Arbetsförmedlingen";
}
