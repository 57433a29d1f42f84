using System.Collections.Generic;
using System.Collections.Immutable;

namespace CaseCompliance.Analyzers
{
    /// <summary>One entry of the guideline catalog (shared/GUIDELINES.md) that rules, fixes and docs cite.</summary>
    public sealed class Guideline
    {
        internal Guideline(string id, string source, string shortPhrase, string quote, string summary)
        {
            Id = id;
            Source = source;
            ShortPhrase = shortPhrase;
            Quote = quote;
            Summary = summary;
        }

        /// <summary>The catalog ID, e.g. <c>EK-INTEGRITET-1</c>.</summary>
        public string Id { get; }

        /// <summary>The source document and section.</summary>
        public string Source { get; }

        /// <summary>A short Swedish phrase for code fix titles, e.g. "Etisk kod: bara information som behövs i ärendet".</summary>
        public string ShortPhrase { get; }

        /// <summary>The source's own words (Swedish).</summary>
        public string Quote { get; }

        /// <summary>An English summary.</summary>
        public string Summary { get; }
    }

    /// <summary>The guideline catalog. IDs and quotes follow shared/GUIDELINES.md.</summary>
    public static class Guidelines
    {
        public static readonly Guideline EkSaklig1 = new Guideline("EK-SAKLIG-1", "Etisk kod, \"Vi är sakliga och opartiska\"",
            "Etisk kod: sök bara i ärenden du arbetar med",
            "bara söker efter information i ärenden som direkt har att göra med vårt arbete",
            "look only at information in cases you work on");

        public static readonly Guideline EkSaklig2 = new Guideline("EK-SAKLIG-2", "Etisk kod, \"Vi är sakliga och opartiska\"",
            "Etisk kod: handlägg aldrig ett ärende som gäller dig själv eller någon närstående",
            "aldrig handlägger ett ärende som gäller oss själva eller någon som vi har en relation till",
            "never handle a case about yourself or someone close");

        public static readonly Guideline EkSaklig3 = new Guideline("EK-SAKLIG-3", "Etisk kod, \"Vi är sakliga och opartiska\"",
            "Etisk kod: besluta aldrig i ett ärende som gynnar dig själv eller någon närstående",
            "aldrig beslutar i ett ärende som på något sätt gynnar oss själva eller någon som vi har en relation till",
            "never decide a case that benefits yourself or someone close");

        public static readonly Guideline EkSkatt1 = new Guideline("EK-SKATT-1", "Etisk kod, \"Vi är medvetna om att vi hanterar skattemedel\"",
            "Etisk kod: ingen ensam kan attestera utbetalningar",
            "organiserar vi arbetet så att ingen ensam kan attestera utbetalningar",
            "no one alone can attest a payment");

        public static readonly Guideline EkSkatt2 = new Guideline("EK-SKATT-2", "Etisk kod, \"Vi är medvetna om att vi hanterar skattemedel\"",
            "Etisk kod: attestera inte där du eller en närstående gynnas",
            "attesterar du inte i ett ärende som på något sätt gynnar dig själv eller någon närstående",
            "never attest in a case that benefits you or someone close");

        public static readonly Guideline EkIntegritet1 = new Guideline("EK-INTEGRITET-1", "Etisk kod, \"Vi hanterar uppgifter med integritet\"",
            "Etisk kod: bara information som behövs i ärendet",
            "inte medvetet tar del av information som vi inte behöver för de ärenden vi handlägger",
            "do not take part of information the case does not need");

        public static readonly Guideline EkIntegritet2 = new Guideline("EK-INTEGRITET-2", "Etisk kod, \"Vi hanterar uppgifter med integritet\"",
            "Etisk kod: följ bestämmelserna om sekretess",
            "hanterar integritetskänsliga uppgifter på ett riktigt sätt ... följer vi bestämmelserna om sekretess",
            "handle sensitive data correctly; follow secrecy rules");

        public static readonly Guideline UppAndamal = new Guideline("UPP-ANDAMAL", "Uppdraget, \"Vi behandlar personuppgifter i försäkringsärenden\"",
            "Uppdraget: personuppgifter bara för vissa ändamål",
            "Då får vi bara behandla personuppgifterna för vissa ändamål, till exempel för att • handlägga ärenden • utföra kontroller för att motverka felaktiga utbetalningar och bidragsbrott • informera om socialförsäkringen • planera, styra och utvärdera vår verksamhet • ta fram statistik • lämna ut uppgifter till andra myndigheter.",
            "personal data only for declared purposes; the well-known purposes");

        public static readonly Guideline UppBehandling = new Guideline("UPP-BEHANDLING", "Uppdraget, \"Så behandlar vi personuppgifter\"",
            "Uppdraget: att läsa är också behandling",
            "Behandling av personuppgifter kan till exempel vara att läsa, samla in, registrera, lagra, samköra eller skriva ut uppgifterna.",
            "reading is processing too");

        public static readonly Guideline UppSokningar = new Guideline("UPP-SOKNINGAR", "Uppdraget, \"Vi behandlar personuppgifter i försäkringsärenden\"",
            "Uppdraget: uppsikt över medarbetarnas sökningar",
            "Vi gör också kontroller i ett urval av ärenden och har uppsikt över medarbetarnas sökningar i it-systemen.",
            "staff lookups are overseen: they must be recorded");

        public static readonly Guideline EkDiskriminering = new Guideline("EK-DISKRIMINERING", "Etisk kod, \"Vi skyddar förtroendet för Försäkringskassan\"",
            "Etisk kod: motverka diskriminering",
            "motverkar diskriminering utifrån diskrimineringsgrunderna kön, könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell läggning och ålder",
            "counter discrimination on the seven grounds");

        public static readonly Guideline JamOsaklig = new Guideline("JAM-OSAKLIG", "Jämställdhet 2021, övergripande mål 1",
            "Jämställdhet: inga osakliga könsskillnader i handläggning och beslut",
            "Det ska inte förekomma några osakliga könsskillnader i handläggning, beslut eller bemötande i Försäkringskassans verksamhet",
            "no unjustified differences by sex in handling or decisions");

        public static readonly Guideline JamStatistik = new Guideline("JAM-STATISTIK", "Jämställdhet 2021, kap. 4",
            "Jämställdhet: könsuppdelad statistik",
            "I myndighetens årsredovisning redovisas könsuppdelad statistik",
            "sex-disaggregated statistics are wanted: reading sex for statistics is fine");

        public static readonly Guideline SjpMotivering = new Guideline("SJP-MOTIVERING", "Sjukpenning 2021, kap. 4",
            "Sjukpenning: varje beslut ska motiveras",
            "Försäkringskassan ska säkerställa att samtliga fattade beslut uppfyller den motiveringsskyldighet som åligger myndigheten.",
            "every decision states its reasons");

        public static readonly Guideline SjpForklara = new Guideline("SJP-FORKLARA", "Sjukpenning 2021, avsnitt 4.2.2",
            "Sjukpenning: förklara varför",
            "det inte är tillräckligt att konstatera att underlagen i ärendet inte ger stöd för att den enskilde inte har rätt till ersättning, utan det måste också förklaras varför så är fallet",
            "the reasons must explain why");

        public static readonly Guideline SjpTvaSpecialister = new Guideline("SJP-TVA-SPECIALISTER", "Sjukpenning 2021, kap. 3.1.2",
            "Sjukpenning: två olika specialister granskar avslag",
            "alla överväganden om att avslå ansökan om sjukpenning för att arbetsförmågan inte bedöms nedsatt granskas av två olika specialister vid olika verksamhetsområden",
            "rejections are reviewed by two different specialists");

        /// <summary>Every guideline by ID, in catalog order.</summary>
        public static readonly ImmutableArray<Guideline> All = ImmutableArray.Create(
            EkSaklig1, EkSaklig2, EkSaklig3, EkSkatt1, EkSkatt2, EkIntegritet1, EkIntegritet2, EkDiskriminering,
            UppAndamal, UppBehandling, UppSokningar, JamOsaklig, JamStatistik, SjpMotivering, SjpForklara, SjpTvaSpecialister);

        private static readonly Dictionary<string, Guideline> ById = Index();

        /// <summary>Finds a guideline by its catalog ID.</summary>
        public static Guideline? Find(string id) => ById.TryGetValue(id, out var g) ? g : null;

        private static Dictionary<string, Guideline> Index()
        {
            var map = new Dictionary<string, Guideline>();
            foreach (var g in All)
            {
                map[g.Id] = g;
            }

            return map;
        }
    }
}
