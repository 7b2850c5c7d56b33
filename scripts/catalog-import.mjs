// Re-runs the catalog batch "public status-page lists" (shared/catalog/README.md): reads the lists from local
// git snapshots of their repositories, keeps the pages whose address and platform a source confirms, and
// writes shared/catalog/data/more-vendors.json plus a count of what was left out and why.
//
//   node scripts/catalog-import.mjs <statusphere.git> <stts.git> <multi-status.git> <statuspile.git> <sahin-status-page.git> \
//     <w6w-apps.git> <is-it-down.git> <rss-gpt.git> <marketplace-app-status.git> <status-monitor.git>
//
// It also reads scripts/catalog-sources/vendor-status-watch-2026-09.tsv (a transcription of a 2026 live probe
// of statusphere's pages, whose repository has no snapshot to `git show`) and
// scripts/catalog-sources/code-index-readers-*.tsv (pages read by programs found in the public code index) and
// scripts/catalog-sources/stored-pages-*.tsv (stored copies of the pages themselves, in their platform's template).
// No host is contacted: the lists are data, read with `git show`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [
  statusphereGit,
  sttsGit,
  multiStatusGit,
  statuspileGit,
  sahinGit,
  w6wGit,
  isItDownGit,
  rssGptGit,
  marketplaceGit,
  statusMonitorGit,
] = process.argv.slice(2);
if (!statusMonitorGit) {
  console.error(
    'usage: node scripts/catalog-import.mjs <statusphere.git> <stts.git> <multi-status.git> <statuspile.git> <sahin-status-page.git> <w6w-apps.git> <is-it-down.git> <rss-gpt.git> <marketplace-app-status.git> <status-monitor.git>',
  );
  process.exit(1);
}
const show = (gitDir, file) =>
  execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${file}`], { encoding: 'utf8' });
const showIfAny = (gitDir, file) => {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${file}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '';
  }
};

// Names the lists misspell, or that would be read as another vendor's.
const NAME_FIXES = {
  // Datadog's regional pages are named like the EU one already here.
  'status.us3.datadoghq.com': 'Datadog (US3)',
  // Circle the USDC issuer, not the community platform at circle.so.
  'status.circle.com': 'Circle (USDC)',
  // Pages status-monitor names by a product, a region or a department alone.
  'atlas.status.atlassian.com': 'Atlassian Atlas',
  'guard.status.atlassian.com': 'Atlassian Guard',
  'status.sse.security.cisco.com': 'Cisco Security Services Exchange',
  'nodestatus.catchpoint.com': 'Catchpoint Nodes',
  'web-cloud.status-ovhcloud.com': 'OVHcloud Web Cloud',
  'status.au.workato.com': 'Workato (AU)',
  'northeastern.statuspage.io': 'Northeastern University IT',
  'itstatus.oswego.edu': 'SUNY Oswego IT',
  'status.alaska.edu': 'University of Alaska IT',
  'status.usg.edu': 'University System of Georgia',
  'status.people-doc.com': 'UKG HR Service Delivery',
  'scdoestatus.powerschool.com': 'PowerSchool (South Carolina)',
  'status.ancestry.com': 'Ancestry',
  'osfa.status.ato.gov.au': 'ATO Online Services for Agents',
  'status.flashparking.com': 'FLASH Parking',
  'status.iheartjane.com': 'Jane (iHeartJane)',
  'status.developer.yelp.com': 'Yelp Developers',
  'status.outscale.com': '3DS Outscale',
  'status.clover.com': 'Clover',
  'status.crashplan.com': 'CrashPlan',
  'status.e-boks.com': 'e-Boks',
  'status.everflow.io': 'Everflow',
  'status.astronomer.io': 'Astronomer (Astro)',
  'status.gatsbyjs.com': 'Gatsby',
  'status.gemini.com': 'Gemini (crypto exchange)',
  'status.securecodewarrior.com': 'Secure Code Warrior',
  'status.multiversx.com': 'MultiversX',
  'status.one.com': 'One.com',
  'status.mavenlink.com': 'Mavenlink',
  'i-ready.status.io': 'i-Ready',
  // jameslaneovermind/RSS-GPT's feed names, where they are not the vendor's.
  'status.alteryxcloud.com': 'Alteryx Cloud',
  'status.openexchangerates.org': 'Open Exchange Rates',
  'status.palantirfoundry.co.uk': 'Palantir Foundry',
  'status.weka.io': 'WEKA',
  'status.ngc.nvidia.com': 'NVIDIA NGC',
  'status.thegoodtill.com': 'Goodtill by SumUp',
};

// is-it-down names its services by a lower-case key; the vendor's own name for the pages it adds.
const IS_IT_DOWN_NAMES = {
  'status.coursera.org': 'Coursera',
  'status.dailymotion.com': 'Dailymotion',
  'deepl.statuspage.io': 'DeepL',
  'www.doordashstatus.com': 'DoorDash',
  'eventbrite.statuspage.io': 'Eventbrite',
  'status.khanacademy.org': 'Khan Academy',
  'substack.statuspage.io': 'Substack',
  'fastmail.instatus.com': 'Fastmail',
};

// happy-yeachan/Marketplace-App-Status keys its map by lower-case vendor keys; the vendors' names (its README's
// "Supported Vendors" table) for the pages it adds.
const MARKETPLACE_NAMES = {
  'zephyr.status.smartbear.com': 'SmartBear Zephyr',
  'zephyr-essential.status.smartbear.com': 'SmartBear Zephyr Essential',
  'zephyr-enterprise.status.smartbear.com': 'SmartBear Zephyr Enterprise',
  'status.bitbar.com': 'BitBar',
  'status.customcharts.tempo.io': 'Tempo Custom Charts',
  'status.draw.io': 'Draw.io',
  'appfire-apps.statuspage.io': 'Appfire',
  'xporter.statuspage.io': 'Xporter',
  'status.gliffy.com': 'Gliffy',
  'status.eazybi.com': 'eazyBI',
  'oboard.instatus.com': 'OBoard',
  'xray.statuspage.io': 'Xray (Xblend)',
  'status.tricentis.com': 'Tricentis',
  'status.resolution.de': 'Resolution.de',
  'gij.gitkrakenstatus.com': 'Git Integration for Jira (GitKraken)',
  'status.moveworkforward.com': 'Move Work Forward',
  'status.elements-apps.com': 'Elements Apps',
  'deviniti.statuspage.io': 'Deviniti',
  'status.refined.com': 'Refined',
  'status.deiser.com': 'DEISER',
  'status.easyagile.com': 'Easy Agile',
  'projectbalm.statuspage.io': 'ProjectBalm',
  'status.devsamurai.com': 'DevSamurai',
  'twinit.statuspage.io': 'Twinit',
  'soldevelo.statuspage.io': 'SolDevelo',
  'bloompeak.statuspage.io': 'Bloompeak',
  'status.codefortynine.com': 'Codefortynine',
  'status.saasjet.com': 'SaaSJet',
  'teamlead.statuspage.io': 'TeamLead',
  'mindpro.statuspage.io': 'MindPro',
  'cypress.statuspage.io': 'Cypress',
  'meetical.statuspage.io': 'Meetical',
  'status.communardo.de': 'Communardo',
  'mibexsoftware.statuspage.io': 'Mibex Software',
  'actonic.statuspage.io': 'Actonic',
  'jexo.statuspage.io': 'Jexo',
  'apwide.statuspage.io': 'Apwide',
  'amoeboids.statuspage.io': 'Amoeboids',
  'status.screenful.com': 'Screenful',
  'status.yasoon.com': 'Yasoon',
  'go2group.statuspage.io': 'Go2Group',
  'servicerocket.statuspage.io': 'ServiceRocket',
  'status.clearvision-cm.com': 'Clearvision',
};

// Categories read by hand for vendors whose name and host say nothing the word list below knows.
const CATEGORY_BY_NAME = new Map(
  [
    'Campaign Monitor=email;Docaposte=other;Elation Health=other;Omada Health=other;Trusted Health=hr;Runway: App Store Connect=devtools;SEOmonitor=marketing;TeamRetro=collaboration;Stack Exchange=other;Bittitan=cloud;Digital Pacific=cloud;Digital Pigeon=collaboration;Dronedeploy=other;Code 42=security;CodeTwo=email;Verizon Digital Media=networking;Transbank=payments;Sapiens=other;Teradici=other;LuxSci=email;Devolutions=security;Ipapi=data;Ghost Inspector=devtools;Hosted Graphite=monitoring;Lifesizecloud=communication;Packagecloud=devtools;Pingplotter Cloud=monitoring;Printix=other;PrinterLogic=other;Qlik=analytics;TriNet=hr;TIBCO=data;Serverdensity=monitoring;Ivanti Cloud=security;Ellucian=other;Caseware Cloud=finance;Coveo Cloud=data;Avaya Cloud=communication;Arista Cloudvision=networking;Adaptavist Cloud Apps=devtools;CloudApp=collaboration;SCORM Cloud=hr;Umbraco Cloud=devtools;Platform9=cloud;Prey=security;Syncano=devtools;Voximplant=communication;Webshare=networking;Flatfile=data;SEON=security;DataDome=security;DataGrail=security;Hygraph=devtools;',
    'BetterCloud=security;Gitlabhost=devtools;Prerender.io=devtools;CloudRepo=devtools;Baremetrics=analytics;Databox=analytics;',
    'Littledata=analytics;Elasticio=devtools;People.ai=crm;Axis Communications=security;Clarifai=ai;Carta=finance;Schibsted=media;Pardot=marketing;CS:GO stats=media;Shakepay=finance;Reviewtrackers=marketing;',
    '20i=cloud;3NCRYPT3D=security;Ably=devtools;AbuseIPDB=security;Adalo=devtools;Addigy=security;',
    'Alchemy=devtools;AlienVault=security;Allegro=ecommerce;Alloy=identity;Anvil=devtools;Appen=ai;',
    'AppRiver=security;Apwide=devtools;Array=finance;Assembla=devtools;Atera=monitoring;atSpoke=support;',
    'Automox=security;AutoSPF=email;Auvik=networking;Avanan=security;Aviator=devtools;Avigilon=security;',
    'Axcient=cloud;Axios=communication;Axway=devtools;B2C2=finance;Basedash=data;BigLeaf=networking;',
    'Binarylane=cloud;Bizzabo=marketing;BlazeMeter=devtools;Blip=communication;Block.io=finance;',
    'Blockchair=finance;Bloom=finance;Bluefin=payments;BMJ=media;Bonsai=data;Breadcrumb=ecommerce;',
    'Brivo=security;Broadcom AppNeta=monitoring;Calix=networking;Calm=media;Canary=security;',
    'Canonical=cloud;Carbon Black=security;Carrot quest=marketing;Castle=security;CEX.IO=finance;',
    'CHECK24 Vergleichsportal GmbH=ecommerce;Cherwell=support;Cimpress=ecommerce;Cint=marketing;',
    'Cisco CES=security;Cisco IOT=networking;Cisco Systems=security;Cisco Umbrella=security;',
    'ClearlyIP=communication;Clojars=devtools;Clyde=ecommerce;Cohesity=data;Comodo=security;',
    'ComplianceAlpha=finance;Cradlepoint=networking;Currents=devtools;Cxengage=communication;',
    'Deadmanssnitch=monitoring;Dediserve=cloud;DeepSource=devtools;Dell Boomi=devtools;Divio=cloud;',
    'Documo=communication;Dogado=cloud;Doit=cloud;Dongee=cloud;Doodle=collaboration;',
    'DRACOON=collaboration;Dyn=networking;EasyRedir=networking;Ecostruxure IT=monitoring;Ekco=cloud;',
    'Emnify=networking;Endless Group=cloud;Enjin=media;Envoy=collaboration;Equinix=cloud;',
    'Equinix Metal=cloud;Esa=collaboration;Esker=finance;eToro=finance;Eurafibre=networking;',
    'Exact=finance;Exalate=devtools;Expel=security;Experian=data;F5=security;Fasterize=networking;',
    'FingerprintJS=security;Fireblocks=finance;Flow Swiss=cloud;Fond=hr;Forcepoint=security;',
    'Forcepoint ONE=security;Frase=marketing;Freee=finance;Freistilbox=cloud;Freshservice=support;',
    'Frigade=devtools;G Core Labs=networking;G2=marketing;GatherContent=collaboration;',
    'Geekbot=collaboration;Genetec=security;Glesys=cloud;GLOBO=communication;GoLinks=collaboration;',
    'GoToMyPC=collaboration;Gportal=cloud;Grammarly=collaboration;GreyNoise=security;GridScale=cloud;',
    'HackerOne=security;HackerRank=hr;Halp=support;Hashnode=media;hCaptcha=security;',
    'Hearsay Systems=marketing;Hedera=finance;Height=collaboration;Helium=networking;HENNGE One=identity;',
    'Hivebrite=marketing;Hiver=email;Hover=networking;Hummingbot=finance;Hyonix=cloud;Hypernode=cloud;',
    'I Want My Name=networking;Ibm Aspera=data;Incognia=security;Infoblox=networking;Infura=devtools;',
    'Infusionsoft by Keap=marketing;Instaclustr=data;InStride=hr;InterNetX=networking;Intruder=security;',
    'IONOS=cloud;IPVanish=security;Iristel=communication;Iron=devtools;IRONSCALES=security;',
    'Jama Software=devtools;Jellyfish=devtools;JetBrains=devtools;Jexo=devtools;JitBit=support;',
    'Jitterbit=devtools;Joomag=media;Jostle AP=collaboration;Judoscale=cloud;Juicefs=data;K6=devtools;',
    'Keeping=support;Keypup=devtools;Kisi=security;Kolide=security;Kualo=cloud;Latch=security;',
    'Latitude.sh=cloud;Launchpad=devtools;Layer0=cloud;Layerstack=cloud;LexisNexis=data;',
    'LicenseSpring=devtools;Liferay=devtools;Lingk=data;Liquid Web=cloud;LMAX=finance;Loader=devtools;',
    'Loopup=communication;Lumaserv=cloud;Lunar=finance;Luno=finance;M247=networking;MacStadium=cloud;',
    'Maestroqa=support;Magemojo=cloud;Magensa=payments;ManageEngine=monitoring;ManoMano=ecommerce;',
    'Mavenlink=collaboration;MaxMind=data;Mendix=devtools;Mist=networking;Moveworks=ai;MuleSoft=devtools;',
    'MultiversX=finance;Munzee=media;N Able=monitoring;NCR=payments;Netfortris=communication;',
    'Nexcess=cloud;Ngrok=devtools;Nightfall=security;Ninety=collaboration;Nintex=devtools;',
    'Nitro=collaboration;NordLayer=security;Ns1=networking;Nutanix=cloud;ObjectRocket=data;',
    'Ocrolus=finance;Octopus=devtools;One.com=cloud;OneSchema=data;OneSky=devtools;OpenCorporates=data;',
    'OpenNode=payments;OpenSea=finance;OpenSRS=networking;Openvpn=security;OPSWAT=security;',
    'Optimism=finance;OSL Singapore=finance;Otava=cloud;OTOY=media;Outsystems=devtools;Packet=cloud;',
    'PairSoft=finance;Panther Labs=security;Paperspace=cloud;Paribu=finance;Parsec=media;',
    'Patch My PC=security;Pax8=cloud;Payscale=hr;Pdq=devtools;Permit Io=identity;pgMustard=data;',
    'Playvox=support;Prefect=data;Presslabs=cloud;PriceHubble=data;PrimeXBT=finance;',
    'Progress Telerik=devtools;ProofHub=collaboration;ProsperStack=payments;Protecht=security;',
    'Publitio=media;PullRequest=devtools;Pureservice=support;Purse.io=ecommerce;Qovery=cloud;',
    'Quadency=finance;QuadraNet=cloud;Qualifio=marketing;Quay.io=devtools;Quick Base=devtools;',
    'QuickNode=devtools;Racknerd=cloud;Rackspace=cloud;rackSPEED=cloud;RealVNC=collaboration;',
    'Red Canary=security;Register.it=networking;Remitano=finance;Rhombus=security;Ribose=collaboration;',
    'Rightscale=cloud;Ripple=media;Roam=collaboration;Rocket.net=cloud;Rookout=devtools;Rubrik=data;',
    'Runpanther=security;Runscope=devtools;SafeBase=security;Samanage=support;Sapling=hr;SashiDo=cloud;',
    'Scalingo=cloud;Scoutapp=monitoring;Secomea=networking;Sectigo=security;Section=networking;SEEK=hr;',
    'Seravo=cloud;Sertifi=collaboration;Servebolt=cloud;Servint=cloud;ShakeBugs=devtools;',
    'Shelf.io=support;Sherweb=cloud;Shockbyte=cloud;Sift=security;Sitespect=marketing;Skedulo=hr;',
    'SkyKick=cloud;Skylight=monitoring;SkySilk=cloud;Slab=collaboration;Sleuth=devtools;',
    'Slido=communication;Smoothwall=security;SnapLogic=devtools;Solana=finance;Sonassi=cloud;',
    'Soracom=networking;Speakap=communication;SpecOPs=security;Spiceworks=support;',
    'Splashtop=collaboration;Squiz=marketing;Stacker=devtools;STACKIT=cloud;Status.io=monitoring;',
    'Stealth=cloud;Storj=cloud;Subsplash=media;Swiftype=data;Talend=data;Tempo=collaboration;',
    'TeraSwitch=networking;TextExpander=collaboration;THG=ecommerce;Threader=media;Tide=finance;',
    'Todyl=security;Tokopedia=ecommerce;Totango=crm;Transcend=security;Tresorit=collaboration;',
    'Tricentis Flood=devtools;Trifacta=data;Tugboat Logic=security;Tuple=collaboration;UK2=cloud;',
    'Umbrellar=cloud;Uphold=finance;Upwork=hr;Urllo=networking;Urlscan=security;Verisk=data;',
    'Verkada=security;viaPeople=hr;VIPRE=security;Visma=finance;Voltage=finance;Voxeet=communication;',
    'Voyado=marketing;Wallarm=security;Webcentral=cloud;Webshrinker=security;Websolr=data;Weebly=cloud;',
    'Whatnot=ecommerce;Wordtune=ai;Workiva=finance;Workspot=cloud;Xplor=payments;Yasoon=collaboration;',
    'Zenvia=communication;Zero Hash=finance;ZeroSSL=security;Zyte=data;',
    'DeepL=ai;Dailymotion=media;DoorDash=ecommerce;Eventbrite=ecommerce;Fillout=collaboration;Khan Academy=other;Substack=media;Coursera=hr;',
    'Instructure (Canvas)=hr;Kaltura=media;Clever=identity;Seesaw=hr;HMH=hr;Incident IQ=support;Imagine Learning=hr;Dexcom=other;CacheFly=networking;i-Ready=hr;NICE CXone=communication;Conga=crm;Eptura=collaboration;Anaplan=finance;LogicMonitor=monitoring;Lumen=networking;Nextiva=communication;Denticon (Planet DDS)=other;Monzo=finance;',
    // Pages added from Marketplace-App-Status (Atlassian Marketplace vendors) and the second code-index search.
    'Actonic=collaboration;Amoeboids=collaboration;Appfire=collaboration;BitBar=devtools;Bloompeak=analytics;Clearvision=collaboration;Communardo=collaboration;DEISER=collaboration;Easy Agile=collaboration;eazyBI=analytics;Elements Apps=support;Gliffy=design;Draw.io=design;Go2Group=devtools;Meetical=collaboration;Mibex Software=devtools;MindPro=collaboration;Move Work Forward=collaboration;OBoard=collaboration;ProjectBalm=collaboration;Refined=collaboration;Resolution.de=identity;SaaSJet=collaboration;Screenful=analytics;SmartBear Zephyr=devtools;SmartBear Zephyr Essential=devtools;SmartBear Zephyr Enterprise=devtools;TeamLead=collaboration;Tempo Custom Charts=analytics;Tricentis=devtools;Twinit=collaboration;Xray (Xblend)=devtools;DevSamurai=devtools;SolDevelo=devtools;Codefortynine=devtools;Deviniti=devtools;',
    'Ankr=devtools;Blockdaemon=devtools;Chainstack=devtools;dRPC=devtools;Dwellir=devtools;GetBlock=devtools;Helius=devtools;Nodies=devtools;Tenderly=devtools;Composio=ai;Anthology=hr;Brainboard=devtools;CucumberStudio=devtools;Port=devtools;LeadSquared=crm;',
    'Fastmail=email;Benlabs=hr;EquityZen=finance;Backblaze=cloud;Baseten=ai;Nebius=cloud;Crusoe=cloud;Verda=cloud;RunPod=cloud;Hydra Host=cloud;Gcore=cloud;Mithril=cloud;Atlas Cloud=cloud;OVHcloud Public Cloud=cloud;',
    // Pages added from stored copies of the pages themselves (stored-pages-2026-12.tsv).
    'JobNimbus=crm;BarTender Cloud=other;Nanonets=ai;Batch.com=marketing;Equiem=collaboration;Signhost=collaboration;Connectbase=networking;Benevity=hr;Xen Learning=hr;Cronofy=collaboration;Thoughtly=ai;Firstup=communication;Livepeer Studio=media;vintrace=other;SchemeServe=finance;Higher Logic=marketing;Crumbl=ecommerce;Latitude=ai;TicketCo=ecommerce;',
    // Second pass of stored copies (stored-pages-2026-12b.tsv); schools' and training software under hr, as above.
    'Air=design;Arc XP=media;Articulate=hr;Blitzz=support;Bloomerang=crm;BTG Pactual Empresas=finance;Calamari=hr;Channel.io=support;ChargeOver=payments;Citrus Lime=ecommerce;Cludo=marketing;FeedbackFruits=hr;Fluid Attacks=security;Fonix Services=communication;Internic=networking;JazzHR=hr;Jobvite=hr;Kard=finance;KARTE=marketing;Kiwify=ecommerce;Learnosity=hr;LiveKit=communication;Matrix Booking=collaboration;MindTickle, Inc.=crm;mxHero=email;MyCashflow=ecommerce;Neoway=data;Neto by Maropost=ecommerce;NILTO=devtools;Omnivore.io=ecommerce;Payfast=payments;Payyo=payments;PEAK 15 Systems=crm;Qase=devtools;QliqSOFT=communication;Red Sift UK=security;Reown=devtools;RIPE NCC=networking;Rivo=marketing;Siteimprove=analytics;Stellate=devtools;Subbly=ecommerce;Swapcard=collaboration;Teem=collaboration;The Coupon Bureau=marketing;The Old Reader=media;The Things Industries=networking;Tilroy=ecommerce;Tink=finance;Transifex=devtools;Traveltek=ecommerce;TripWorks=ecommerce;TwentyThree=media;Veratad=identity;Visp=networking;Worldline WLOP=payments;Xink=email;',
    // Unity's and Exoscale's feeds, and the pages of programs read whole (program-readers-2026-12.tsv).
    'Unity=devtools;Exoscale=cloud;Railway=cloud;SendGrid=email;LangSmith=ai;Windsurf=ai;Circle (USDC)=finance;Zeta Global=marketing;Node.js=devtools;Money Forward=finance;MagicPod=devtools;MadKudu=analytics;Chili Piper=crm;LeanData=crm;6sense=marketing;Tackle.io=crm;Prodly=devtools;Arovy=other;WorkRamp=hr;Kuali Build=collaboration;Omnilert=communication;ScreenCloud=media;Ad Astra=hr;Bitwarden=security;Bolna=ai;GOV.UK Notify=email;',
    // Third pass of stored copies (stored-pages-2026-12c.tsv).
    'Tungsten Automation APAC=finance;Cova=ecommerce;Dstny=communication;Everit=collaboration;Alpaca=finance;CalAmp=other;Cigo=other;One Identity Starling=identity;Coin Metrics=finance;Crossref=data;Cornerstone=hr;Databento=finance;EdCast by Cornerstone=hr;FireServiceRota=other;Fundraise Up=payments;Give Lively=payments;Hiper Software=ecommerce;Kindly=ai;Labelbox=ai;Modulr Finance=finance;Movable Ink=marketing;NeuroID=security;NextQS=support;Productsup=ecommerce;Proto=support;Purple Publish=media;QSR Enterprise=ecommerce;Sardine AI=security;ServiceChannel=other;Shepherd Veterinary Solutions=other;Socure=identity;Stripo=email;TaxSys=finance;Templafy=collaboration;The Dental App=other;TrackAbout System=other;TrackVia=devtools;UiPath=devtools;Vectara=ai;Vimeo OTT=media;WellSaid Labs=ai;Zomentum=crm;Ai-Media=media;Storm Commerce=ecommerce;Treezor=finance;Yext=marketing;',
    '1upHealth=data;Aisera=ai;Alteryx Cloud=analytics;Bubble=devtools;Dialogue=other;Diligent=security;Fountain=hr;Goodtill by SumUp=ecommerce;Greenphire=payments;Infobip=communication;Informatica=data;Kandji=security;Lunio=marketing;Lytx=other;Meltwater=marketing;Monese=finance;Morningstar=finance;NVIDIA NGC=ai;Onfido=identity;OpenText=data;Palantir Foundry=data;PayPlug=payments;Peloton=media;Permutive=marketing;PTC=other;Reltio=data;Resideo=other;Retraced=ecommerce;Ring=security;Rockset=data;Sage=finance;Securiti=security;Sonos=media;StormForge=cloud;Supermetrics=analytics;ThanksBen=hr;ThingSolver=ai;Tricent=security;TuneIn=media;Virtuagym=other;WEKA=data;',
  ]
    .join('')
    .split(';')
    .filter(Boolean)
    .map((pair) => pair.split('=')),
);

// CATEGORY_WORDS
const CATEGORY_WORDS = [
  [
    'payments',
    /\b(pay|pays|payment|payments|checkout|billing|merchant|card|cards|epay|stripe|paddle|cashfree|payoneer)\b|pay\b|pay(ments?|ment)\b/,
  ],
  [
    'finance',
    /\b(crypto|coin|coins|bitcoin|btc|blockchain|exchange|bank|banking|finance|financial|invest|wealth|trading|capital|markets?|ledger|accounting|tax|invoice|invoicing|expense|expenses|bit[a-z]*|chain[a-z]*|defi|token[a-z]*|wallet)\b|coin|crypto|(^| )(bit)|chain|trade|finance|wealth/,
  ],
  ['ai', /\b(ai|ml|gpt|llm|machine learning|openai|anthropic|cohere|datarobot|scale)\b|\.ai /],
  [
    'security',
    /\b(security|secure|sec|cyber|threat|threats|firewall|waf|antivirus|malware|phish[a-z]*|vpn|ssl|tls|cert[a-z]*|fraud|risk|vulnerab[a-z]*|pentest|siem|soc|defen[cs]e|guard[a-z]*|shield|protect[a-z]*|privacy|compliance|captcha|bot|bots|zero trust|encrypt[a-z]*|crypt[a-z]*)\b|secur|cyber|guard|threat|phish|sentinel|armor|fortin|forti|sophos|eset|avast|webroot|trellix|barracuda|sonicwall|watchguard|checkpoint|zscaler|netskope|cloudflare|imperva|incapsula|perimeter|huntress|rapid7|tenable|snyk/,
  ],
  [
    'identity',
    /\b(auth|oauth|sso|identity|id|login|iam|passwordless|password[a-z]*|okta|onelogin|sign[ -]?in)\b|auth|identity|passw|lastpass|keeper|bitwarden|1password|jumpcloud|foxpass|duo/,
  ],
  [
    'networking',
    /\b(dns|cdn|network[a-z]*|edge|ip|ipv6|domain|domains|registrar|bgp|isp|fiber|fibre|telecom|internet|proxy|proxies|ntp|sd-?wan|wan|wifi|wi-fi|routing|peering|transit|carrier)\b|dns|cdn|network|domain|akamai|fastly|keycdn|bunny|stackpath|edgio|ngenix|quad9/,
  ],
  [
    'cloud',
    /\b(cloud|hosting|host|hoster|hosted|server|servers|vps|dedicated|datacenter|data center|colo[a-z]*|iaas|paas|kubernetes|k8s|container[a-z]*|compute|serverless|platform|infra[a-z]*|storage|backup[a-z]*|s3|object storage|virtual|vm|vms|hypervisor|wordpress|wp)\b|host|cloud|server|vps|hetzner|ovh|linode|vultr|digitalocean|leaseweb|kinsta|wpengine|pantheon|netlify|vercel|render|fly/,
  ],
  [
    'data',
    /\b(db|database[s]?|data|sql|nosql|postgres[a-z]*|mysql|mongo[a-z]*|redis|elastic[a-z]*|search|warehouse|etl|elt|pipeline[s]?|kafka|streaming|queue[s]?|mq|mqtt|graph|analytics db|cache|caching|memcach[a-z]*|cassandra|neo4j|timescale|clickhouse|snowflake|bigquery|lake)\b|data|sql|redis|mongo|elastic|search|graph|cache|algolia|neo4j|fauna|stitch|rivery|matillion|hevo|panoply|segment/,
  ],
  [
    'monitoring',
    /\b(monitor[a-z]*|observability|apm|log|logs|logging|metric[s]?|uptime|alert[a-z]*|incident[s]?|on-?call|tracing|trace[s]?|error[s]?|crash[a-z]*|synthetic[s]?|rum|ping[a-z]*|sentry|datadog|grafana|graphite|signalfx|sysdig|lightstep|raygun|bugsnag|rollbar|honeybadger|scout|appsignal|librato|loggly|papertrail|logz|thousandeyes|catchpoint|opsgenie|xmatters|zenduty|victorops)\b|monitor|observ|logg|metric|uptime|alert|incident|sentry|datadog|grafana|signalfx|sysdig|raygun/,
  ],
  [
    'devtools',
    /\b(dev|developer[s]?|devops|api|apis|sdk|git|github|gitlab|bitbucket|ci|cd|ci\/cd|build[s]?|deploy[a-z]*|test|testing|tests|qa|code|coding|repo[s]?|repository|package[s]?|registry|npm|pypi|maven|gradle|docker|jenkins|ide|compiler|low-?code|no-?code|feature flag[s]?|flags|cms|headless|webhook[s]?|scraping|scraper|scrape|automation|workflow[s]?|integration[s]?|ipaas|browser|mobile|app center|cli)\b|dev|code|git|build|deploy|test|api|sdk|ci\b|scrap|automat|workflow|integrat|jitpack|gemfury|packagecloud|cloudrepo|artifactory|sonatype|jfrog|appveyor|codeship|semaphore|circleci|travis|bitrise|percy|chromatic|cypress|browserstack|saucelabs|postman|swagger|stoplight|rapidapi|hasura|prisma|supabase|firebase|appwrite|nhost|8base|replit|glitch|heroku|pipedream|zapier|workato|tray|make\b|ifttt|contentful|prismic|sanity|storyblok|hygraph|strapi|ghost|gatsby|meteor|ionic|expo|launchdarkly|split|flagsmith/,
  ],
  [
    'email',
    /\b(email[s]?|e-mail|mail|mailing|smtp|inbox|newsletter[s]?|sms|push|notification[s]?|transactional|mx)\b|mail|sms|push|sendgrid|sparkpost|postmark|mandrill|sendwithus|courier|onesignal|pushy|kickbox|mxtoolbox/,
  ],
  [
    'communication',
    /\b(chat|message|messaging|voice|voip|telephony|phone|phones|call|calls|calling|video|meeting[s]?|conferenc[a-z]*|webinar[s]?|sip|ucaas|ccaas|contact center|pbx|fax|telecom|communication[s]?|collaborat[a-z]*|team chat|talk)\b|chat|messag|voice|voip|phone|call|video|meet|confer|webinar|twilio|vonage|nexmo|plivo|bandwidth|sinch|telnyx|ringcentral|dialpad|aircall|zoom|webex|bluejeans|lifesize|gotomeeting|ringover|talkdesk|ujet|zingle|threema|wickr|discord|slack/,
  ],
  [
    'support',
    /\b(support|helpdesk|help desk|service desk|servicedesk|ticket[s]?|ticketing|customer service|customer success|cx|knowledge base|faq|live chat|feedback|survey[s]?|review[s]?)\b|helpdesk|desk|support|ticket|zendesk|freshdesk|intercom|helpscout|happyfox|groove|kustomer|gorgias|trengo|front|drift|olark|crisp|zopim|helpdocs|elevio|walkme|pendo|appcues|userpilot|inline ?manual|whatfix/,
  ],
  [
    'crm',
    /\b(crm|sales|salesforce|hubspot|pipedrive|lead[s]?|prospect[a-z]*|deal[s]?|revenue|cpq|account based|sales engagement|enablement)\b|crm|sales|lead|prospect|highspot|seismic|gong|outreach|pardot|cognism|zoominfo|hginsights|people\.ai|clari/,
  ],
  [
    'marketing',
    /\b(marketing|ads|advert[a-z]*|ad|seo|sem|campaign[s]?|affiliate[s]?|influencer[s]?|social|social media|brand[a-z]*|content|cdp|personaliz[a-z]*|loyalty|referral[s]?|audience|attribution|growth|landing page[s]?|forms?|a\/b|experiment[a-z]*|optimiz[a-z]*|reviews?)\b|market|advert|\bads\b|seo|campaign|affiliate|social|brand|loyal|referr|audience|attribut|landing|optimiz|experiment|criteo|xandr|lotame|liveramp|emarsys|braze|iterable|klaviyo|ortto|mailchimp|activecampaign|hubspot|instapage|unbounce|sprout|hootsuite|buffer|later|agorapulse/,
  ],
  [
    'analytics',
    /\b(analytics|analytic|insight[s]?|bi|business intelligence|dashboard[s]?|report[a-z]*|tracking|tracker|heatmap[s]?|session replay|product analytics|stat[s]?|statistic[s]?)\b|analytic|insight|dashboard|report|track|heap|mixpanel|amplitude|chartbeat|baremetrics|databox|geckoboard|littledata|plausible|fathom|matomo|hotjar|fullstory|lookback|maze|qlik|tableau|looker|sisense|mode/,
  ],
  [
    'ecommerce',
    /\b(shop|shops|shopping|store|stores|storefront|commerce|ecommerce|e-commerce|cart|marketplace|retail|pos|point of sale|order[s]?|fulfil[a-z]*|shipping|ship[a-z]*|logistic[s]?|delivery|subscription[s]?|inventory|product catalog)\b|shop|store|commerce|cart|retail|\bpos\b|order|fulfil|ship|logist|deliver|inventory|narvar|project44|fourkites|bigcartel|bigcommerce|magento|woocommerce|shopify|shopkeep|toast|lightspeed|vend|square/,
  ],
  [
    'hr',
    /\b(hr|hris|human resources|payroll|recruit[a-z]*|hiring|hire|talent|applicant[s]?|ats|job[s]?|career[s]?|employee[s]?|workforce|people|benefits|onboarding|performance review[s]?|learning|lms|training|e-learning|elearning|course[s]?|coaching|scheduling|shift[s]?|time ?clock|timesheet[s]?|attendance)\b|recruit|payroll|talent|hiring|employee|workforce|learning|training|course|coach|shift|timeclock|greenhouse|lever|workday|bamboo|gusto|rippling|trinet|paycor|paychex|adp|deel|remote|docebo|degreed|udemy|moodle|scorm|reflektive|lattice|15five|culture amp|goodtime|recruiterbox|nowsta|tcp/,
  ],
  [
    'design',
    /\b(design|designer[s]?|prototyp[a-z]*|ui|ux|wireframe[s]?|mockup[s]?|illustration|font[s]?|icon[s]?|image[s]?|photo[s]?|graphic[s]?|creative|whiteboard)\b|design|prototyp|figma|sketch|invision|zeplin|framer|canva|miro|whimsical|milanote|ceros|prezi|font|icon|image|photo|graphic|creative|bynder|webdam|cloudinary|imgix|imagekit|uploadcare|filestack/,
  ],
  [
    'media',
    /\b(media|music|audio|podcast[s]?|stream|streaming|video streaming|tv|radio|game|games|gaming|gamer[s]?|esport[s]?|entertainment|news|publish[a-z]*|magazine|film|movie[s]?|broadcast[a-z]*|player[s]?|minecraft|steam|twitch)\b|media|music|audio|podcast|stream|game|gaming|esport|entertain|news|publish|film|movie|broadcast|player|minecraft|hypixel|nba|geforce|smugmug|vimeo|wistia|brightcove|jwplayer|mux|api\.video|drm/,
  ],
  [
    'collaboration',
    /\b(collaborat[a-z]*|productivity|project[s]?|task[s]?|todo|to-do|note[s]?|notes|docs|document[s]?|wiki|knowledge|file[s]?|sharing|share|drive|sync|calendar|scheduling|schedule|planner|planning|roadmap[s]?|kanban|whiteboard|workspace|intranet|form[s]?|survey[s]?|esign[a-z]*|e-sign[a-z]*|signature[s]?|pdf|office|team[s]?|okr[s]?|goal[s]?|meeting notes|time tracking)\b|collab|product|project|task|note|docs|document|wiki|file|share|sync|calendar|schedul|plan|roadmap|kanban|workspace|intranet|form|survey|sign|pdf|office|team|okr|goal|time/,
  ],
];

const DATA = path.join(import.meta.dirname, '..', 'shared', 'catalog', 'data');
const OUT = 'more-vendors.json';
// Files written by other batches (and by other importers) are read as "already catalogued".
const existing = [];
for (const file of readdirSync(DATA)) {
  if (file === OUT || !file.endsWith('.json')) continue;
  existing.push(...JSON.parse(readFileSync(path.join(DATA, file), 'utf8')));
}
const hostOf = (url) => new URL(url).hostname.toLowerCase();
const bare = (host) => host.replace(/^www\./, '');
const known = new Map(existing.map((e) => [bare(hostOf(e.url)), e]));

// Platforms the sources name, mapped to ours (stts's names; statuspile's).
const PLATFORM = {
  statuspage: 'statuspage',
  incidentio: 'incidentio',
  instatus: 'instatus',
  betterstack: 'betterstack',
  betteruptime: 'betterstack',
  cstate: 'cstate',
  sorry: 'sorry',
  statusiov1: 'statusio',
  statuspal: 'statuspal',
  cachet: 'cachet',
  // stts reads Sendbird's regional pages with its Statuspage reader (SendbirdService: StatusPageService).
  sendbird: 'statuspage',
  // StatusCast: the pages are catalogued by hand in more-platforms.json (read as "already catalogued" here);
  // the two stts marks `hasCurrentStatus: false` are left out below.
  statuscast: 'statuscast',
};
// A page on a platform's own domain runs that platform.
const PLATFORM_DOMAINS = [
  [/\.statuspage\.io$/, 'statuspage'],
  [/\.instatus\.com$/, 'instatus'],
  [/\.betteruptime\.com$/, 'betterstack'],
  [/\.betterstack\.com$/, 'betterstack'],
  [/\.status\.io$/, 'statusio'],
  [/\.sorryapp\.com$/, 'sorry'],
  [/\.statuspal\.io$/, 'statuspal'],
  [/\.incident\.io$/, 'incidentio'],
];
// Hosts that serve a platform we do not read (their own dashboards, or the platforms another batch adds
// with its own readers): never catalogued under a platform they do not run.
const NOT_OURS = [
  /(^|\.)pagerduty\.com$/,
  /(^|\.)salesforce\.com$/,
  /(^|\.)force\.com$/,
  // SalesforceIQ was retired; a search for "salesforce" must not offer it.
  /(^|\.)salesforceiq\.com$/,
  /(^|\.)okta\.com$/,
  /(^|\.)zendesk\.com$/,
  /(^|\.)fastly(status)?\.com$/,
  /(^|\.)office365\.com$/,
  /(^|\.)office\.com$/,
  /(^|\.)microsoft$/,
  /(^|\.)microsoft\.com$/,
  /(^|\.)azure\.com$/,
  /(^|\.)amazon\.com$/,
  /(^|\.)aws\.amazon\.com$/,
  /(^|\.)google\.com$/,
  /(^|\.)apple\.com$/,
  /(^|\.)ibm\.com$/,
  /(^|\.)oraclecloud\.com$/,
  /(^|\.)slack\.com$/,
  /(^|\.)heroku\.com$/,
  /(^|\.)mailchimp\.com$/,
  /(^|\.)statuscast\.com$/,
  // 8x8: StatusCast for stts, Statuspage for other readers (README, "left out").
  /^status\.8x8\.com$/,
  /(^|\.)statushub\.(io|com)$/,
  /(^|\.)site24x7\.com$/,
  /(^|\.)statuscake\.com$/,
  /(^|\.)checklyhq\.com$/,
  /(^|\.)rootly\.com$/,
  // Other status-page products' own domains.
  /\.freshstatus\.io$/,
  /\.hund\.io$/,
  /\.checkly\.online$/,
  /(^|\.)uptimerobot\.com$/,
  /(^|\.)uptime\.com$/,
  /\.statuskeeper\.io$/,
  /\.montastic\.io$/,
  // Freshstatus pages (Freshworks' own status platform).
  /^updates\.fresh(desk|service)\.com$/,
  /^crmstatus\.freshworks\.com$/,
  /(^|\.)sap\.com$/,
  /(^|\.)oracle\.com$/,
  // Pages stts (2026, newer) reads with a reader of their own, not Statuspage's.
  /^status\.algolia\.com$/,
  /^status\.beanstalkapp\.com$/,
  /(^|\.)broadcom\.com$/,
  /^status\.evernote\.com$/,
  /^status\.netsuite\.com$/,
  /^status\.signalwire\.com$/,
  /^status\.jsdelivr\.com$/,
  /^status\.recurly\.com$/,
  /(^|\.)paypal(-status)?\.com$/,
  /(^|\.)playstation\.com$/,
  /^status\.adobe\.com$/,
  // Providers' own dashboards (not Statuspage): Alibaba Cloud's console page.
  /^status\.alibabacloud\.com$/,
  // Vendors an earlier check of this catalog found on a platform in doubt (README: "left out").
  /^status\.auth0\.com$/,
  // Auth0 posts on Okta's own page; its old Statuspage page still answers (status-monitor lists it), but the
  // catalog does not offer a page the vendor may no longer post on.
  /^auth0\.statuspage\.io$/,
  /^status\.apollographql\.com$/,
  /(^|\.)railway\.app$/,
  /(^|\.)sumologic\.com$/,
  /^status\.deepseek\.com$/,
  /(^|\.)fivetran\.com$/,
  /(^|\.)whop\.com$/,
  /(^|\.)salesloft\.com$/,
  /(^|\.)databricks\.com$/,
];

// Platforms we read but have tested on documented examples only: the catalog offers no page on them until a capture of
// a real page is found (shared/catalog/README.md, "Real captures behind every platform"). A person who pastes such a
// page's address still gets it read: detection does not ask the catalog.
const NO_CAPTURE_YET = new Set(['sorry', 'statuspal']);

/** A candidate on such a platform, which a feed a reader read of the same page may stand in for (Unity, Exoscale). */
const replaceableByFeed = (host) => {
  const seen = candidates.get(host);
  return seen && NO_CAPTURE_YET.has(seen.platform) ? seen : null;
};

const skipped = {};
const skip = (reason, what) => {
  (skipped[reason] ??= []).push(what);
};

/** candidates by bare host: { name, url, platform, source } — later sources of higher rank win. */
const candidates = new Map();
const offer = (c) => {
  const host = bare(hostOf(c.url));
  const seen = candidates.get(host);
  if (!seen || c.rank > seen.rank) candidates.set(host, { ...c, host });
  else if (seen && seen.platform !== c.platform && c.rank === seen.rank) seen.conflict = true;
};

// 1. inket/stts services.json: each page read by stts's reader of the platform it is filed under (2026).
{
  const text = show(sttsGit, 'Resources/services.json').replace(/,(\s*[\]}])/g, '$1');
  for (const [kind, list] of Object.entries(JSON.parse(text))) {
    for (const s of list) {
      const platform = PLATFORM[kind];
      if (!platform) {
        skip(`stts: a platform we have no reader for (${kind})`, s.url);
        continue;
      }
      offer({ name: s.name, url: s.url, platform, source: 'stts', rank: 4 });
    }
  }
}
// 2. dogsbodytech/statuspile providers.js: typed entries (statuspage, cachet) its readers poll.
{
  const text = show(statuspileGit, 'src/providers.js');
  const re = /name:\s*"([^"]+)",\s*type:\s*"([^"]+)",\s*url:\s*"([^"]+)"/g;
  for (const m of text.matchAll(re)) {
    const platform = PLATFORM[m[2]];
    if (platform) offer({ name: m[1], url: m[3], platform, source: 'statuspile', rank: 3 });
  }
}
// 3. lwindolf/multi-status feeds.opml: feeds its parser reads; Statuspage's /history.atom confirms Statuspage.
const feedConfirmed = new Map();
{
  const text = show(multiStatusGit, 'frontend/feeds.opml');
  for (const m of text.matchAll(/text="([^"]+)" xmlUrl="([^"]+)"/g)) {
    const feed = new URL(m[2].replace(/&amp;/g, '&'));
    if (/^\/history\.(atom|rss)$/.test(feed.pathname)) {
      // A page stts files under a platform the catalog offers no page on yet (Sorry, Statuspal: no real capture)
      // serves this feed too: the feed is what multi-status reads, and what is catalogued (Exoscale).
      const seen = replaceableByFeed(bare(feed.hostname));
      if (seen) {
        candidates.delete(bare(feed.hostname));
        offer({ name: seen.name, url: feed.href, platform: 'feed', source: 'multi-status', rank: 2 });
        continue;
      }
      feedConfirmed.set(bare(feed.hostname), 'statuspage');
      offer({
        name: m[1],
        url: `https://${feed.hostname}`,
        platform: 'statuspage',
        source: 'multi-status',
        rank: 2,
      });
    } else if (/^\/pages\/[0-9a-f]{24}\/rss$/.test(feed.pathname)) {
      // status.io's feed address: /pages/<page id>/rss.
      feedConfirmed.set(bare(feed.hostname), 'statusio');
      offer({
        name: m[1],
        url: `https://${feed.hostname}`,
        platform: 'statusio',
        source: 'multi-status',
        rank: 2,
      });
    } else if (
      /^(\/[a-z]{2})?\/(feed|rss|_rss|snow\/statusfeed|[a-z]{2}\.atom)(\/atom|\/rss)?\/?$/.test(feed.pathname)
    ) {
      // A vendor's own feed: read with our RSS/Atom reader, at the address the list's reader used.
      offer({
        name: m[1],
        url: feed.href.replace(/^http:/, 'https:'),
        platform: 'feed',
        source: 'multi-status',
        rank: 2,
      });
    } else skip('multi-status: a feed at a path of no platform we could confirm', feed.href);
  }
}
// 4. sahin/status-page services/*/status.json (2016): each page read by its Statuspage or status.io parser, the
//    result saved with the provider it was read as. Old: it only confirms the platform of a page a newer list
//    (statusphere) still names; a page only this list names is not catalogued (many are gone since).
const sahinConfirmed = new Map();
{
  const files = execFileSync(
    'git',
    ['--git-dir', sahinGit, 'ls-tree', '-r', '--name-only', 'HEAD', 'services'],
    {
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((f) => /^services\/[^/]+\/status\.json$/.test(f));
  const SAHIN_PLATFORM = { 'StatusPage.io': 'statuspage', 'Powered by Status.io': 'statusio' };
  for (const file of files) {
    const s = JSON.parse(show(sahinGit, file));
    const platform = SAHIN_PLATFORM[s.provider];
    // Only a page its parser read: a saved status description.
    if (platform && s.url && s.status?.description)
      sahinConfirmed.set(bare(new URL(s.url).hostname), platform);
  }
}
// statusphere's own e2e test scrapes the pages it names with its Atlassian (Statuspage) provider alone.
const sphereE2e = new Set(
  [...show(statusphereGit, 'scraper/e2e_tests/e2e_test.go').matchAll(/"(https:\/\/[^"]+)"/g)].map((m) =>
    bare(new URL(m[1]).hostname),
  ),
);
// 5. metoro-io/statusphere status_pages.go: pages its scrapers read (Atlassian Statuspage's history page
//    first, then feeds).
{
  const text = show(statusphereGit, 'common/status_pages/status_pages.go');
  for (const m of text.matchAll(/URL:\s*"([^"]+)",\s*Name:\s*"([^"]*)"/g)) {
    let url;
    try {
      url = new URL(m[1]);
    } catch {
      skip('statusphere: not an address', m[1]);
      continue;
    }
    if (url.pathname !== '/' && url.pathname !== '') {
      skip(
        'statusphere: an address with a path (a vendor dashboard, not a page at the root of its host)',
        m[1],
      );
      continue;
    }
    if (url.search) {
      skip('statusphere: an address with a query', m[1]);
      continue;
    }
    const host = bare(url.hostname);
    const domain = PLATFORM_DOMAINS.find(([re]) => re.test(url.hostname));
    const confirmedBy = domain
      ? 'domain'
      : feedConfirmed.has(host)
        ? 'multi-status'
        : sphereE2e.has(host)
          ? 'statusphere e2e test'
          : sahinConfirmed.has(host)
            ? 'sahin'
            : undefined;
    const platform =
      domain?.[1] ??
      feedConfirmed.get(host) ??
      (sphereE2e.has(host) ? 'statuspage' : sahinConfirmed.get(host)) ??
      'statuspage';
    offer({
      name: m[2],
      url: `https://${url.hostname}`,
      platform,
      source: 'statusphere',
      rank: 1,
      confirmedBy,
    });
  }
}

// A list that reads a page confirms the platform of an entry another list already names (its name and address
// stay, so ids do not change), or offers the page when no other list names it.
const conflicts = [];
const confirmOrOffer = (c) => {
  // Pages the catalog has from other batches are theirs: these readers only confirm or add list pages.
  if (known.has(bare(hostOf(c.url)))) return;
  const seen = candidates.get(bare(hostOf(c.url)));
  if (!seen) return offer(c);
  const agrees =
    c.platform === seen.platform || (c.platform === 'statuspage' && seen.platform === 'incidentio');
  if (agrees) seen.confirmedBy ??= c.confirmedBy;
  else conflicts.push(`${seen.host}: ${seen.source} ${seen.platform}, ${c.source} ${c.platform}`);
};
// 6. w6w-io/w6w-apps (2026-08): each app's `health/service.ts` reads its vendor's status page, each page's host
//    and platform checked by hand and written down in the file (a bogus sibling path refused, the page naming
//    itself). Read here: the apps whose check fetches the Statuspage API (`/api/v2/*.json`) on a host it declares
//    in `network.allow`, in code (comments name other hosts, such as a retired `*.statuspage.io`).
{
  const files = execFileSync('git', ['--git-dir', w6wGit, 'ls-tree', '-r', '--name-only', 'HEAD', 'apps'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /^apps\/[^/]+\/health\/service\.ts$/.test(f));
  for (const file of files) {
    const code = show(w6wGit, file)
      .split('\n')
      .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l))
      .join('\n');
    if (!/\/api\/v2\/(summary|status|components|incidents)\.json/.test(code)) continue;
    const consts = new Map(
      [...code.matchAll(/const (\w+) = "([a-z0-9.-]+\.[a-z]{2,})"/g)].map((m) => [m[1], m[2]]),
    );
    const allow = code.match(/allow:\s*\[([^\]]*)\]/)?.[1] ?? '';
    const hosts = allow
      .split(',')
      .map((a) => a.trim())
      .map((a) => (/^"(.+)"$/.test(a) ? a.slice(1, -1) : consts.get(a)))
      .filter((h) => h && h !== 'api.status.io');
    const readme = showIfAny(w6wGit, file.replace(/health\/service\.ts$/, 'README.md'));
    const name = readme.match(/^# (.+)$/m)?.[1]?.trim() ?? file.split('/')[1];
    for (const host of hosts) {
      // The host must be the one the Statuspage API is fetched on.
      if (!code.includes(`https://${host}/api/v2/`) && !code.includes('https://${')) continue;
      confirmOrOffer({
        name,
        url: `https://${host}`,
        platform: 'statuspage',
        source: 'w6w-apps',
        rank: 2.5,
        confirmedBy: 'w6w-apps',
      });
    }
  }
}
// 7. Strvm/is-it-down (2026-03): one checker per service; a check whose endpoint is a page's
//    `/api/v2/(status|summary).json`, read by its Statuspage indicator reader (`apply_statuspage_indicator`,
//    `StatuspageStatusCheck`, `StatuspageSummaryCheck`), confirms that page; so does a check that reads an
//    Instatus page's `summary.json` on Instatus's own domain and its `page.status` (Fastmail).
{
  const files = execFileSync(
    'git',
    ['--git-dir', isItDownGit, 'ls-tree', '-r', '--name-only', 'HEAD', 'src/is_it_down/checkers/services'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((f) => /\.py$/.test(f) && !f.endsWith('__init__.py'));
  for (const file of files) {
    const code = show(isItDownGit, file);
    const key = code.match(/service_key = "([^"]+)"/)?.[1];
    // A check that reads an Instatus page's own `summary.json` on Instatus's domain and its `page.status`.
    for (const m of code.matchAll(/endpoint_key = "https:\/\/([a-z0-9-]+\.instatus\.com)\/summary\.json"/g)) {
      if (!/\.get\("page"\)/.test(code) || !/page\.get\("status"\)/.test(code)) continue;
      confirmOrOffer({
        name: IS_IT_DOWN_NAMES[m[1]] ?? key,
        url: `https://${m[1]}`,
        platform: 'instatus',
        source: 'is-it-down',
        rank: 2.5,
        confirmedBy: 'is-it-down',
      });
    }
    if (!/apply_statuspage_indicator|StatuspageStatusCheck|StatuspageSummaryCheck/.test(code)) continue;
    for (const m of code.matchAll(
      /endpoint_key = "https:\/\/([a-z0-9.-]+)\/api\/v2\/(status|summary)\.json"/g,
    )) {
      confirmOrOffer({
        name: IS_IT_DOWN_NAMES[m[1]] ?? key,
        url: `https://${m[1]}`,
        platform: 'statuspage',
        source: 'is-it-down',
        rank: 2.5,
        confirmedBy: 'is-it-down',
      });
    }
  }
}
// 8. APVentureEngine/vendor-status-watch (probed 2026-09-04, the newest): confirms or corrects the platform of a
//    page another list names, drops a page it found on no platform we read or whose host no longer resolves, and
//    adds the pages it read that no other list names.
const VSW_PLATFORM = {
  statuspage: 'statuspage',
  instatus: 'instatus',
  betterstack: 'betterstack',
  statusio: 'statusio',
  incidentio: 'incidentio',
};
// The platforms its probe reads: a page it found unreadable cannot be on one of them.
const VSW_READS = new Set(['statuspage', 'instatus', 'betterstack', 'statusio']);
const corrected = [];
{
  const text = readFileSync(
    path.join(import.meta.dirname, 'catalog-sources', 'vendor-status-watch-2026-09.tsv'),
    'utf8',
  );
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [found, rawHost, name] = line.split('\t');
    const host = bare(rawHost);
    const seen = candidates.get(host);
    const platform = VSW_PLATFORM[found];
    if (!seen) {
      if (platform && !known.has(host))
        offer({
          name,
          url: `https://${rawHost}`,
          platform,
          source: 'vendor-status-watch',
          rank: 0.5,
          confirmedBy: 'vendor-status-watch',
        });
      continue;
    }
    if (found === 'dead-dns') seen.dropped = 'vendor-status-watch: its host no longer resolves (2026-09)';
    else if (found === 'unreadable' && VSW_READS.has(seen.platform))
      seen.dropped = 'vendor-status-watch: no platform we read answers on it (2026-09)';
    else if (platform) {
      // incident.io pages answer the Statuspage API too: "statuspage" does not contradict "incidentio".
      const agrees =
        platform === seen.platform || (platform === 'statuspage' && seen.platform === 'incidentio');
      if (!agrees) {
        corrected.push(`${host}: ${seen.platform} -> ${platform}`);
        seen.platform = platform;
        seen.confirmedBy = 'vendor-status-watch';
      } else seen.confirmedBy ??= 'vendor-status-watch';
    }
  }
}

// 9. Readers found in the public code index (2026-12): programs that read the page with a reader of the named
//    platform (scripts/catalog-sources/code-index-readers-*.tsv, each file's header names the programs). They confirm
//    a page another list names, or add one no list names.
//    `program-readers-*.tsv` are the same kind of evidence from repositories read whole (each line names the repository
//    and the date of its newest commit touching the list).
for (const file of readdirSync(path.join(import.meta.dirname, 'catalog-sources'))
  .filter((f) => /^(code-index|program)-readers-.*\.tsv$/.test(f))
  .sort()) {
  const source = file.startsWith('program-') ? 'program-readers' : 'code-index';
  const text = readFileSync(path.join(import.meta.dirname, 'catalog-sources', file), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    // A feed is named by its own address (host and path); a page by its host.
    const [platform, address, name] = line.split('\t');
    confirmOrOffer({
      name,
      url: `https://${address}`,
      platform,
      source,
      rank: 0.4,
      confirmedBy: source,
    });
  }
}

// 10. jameslaneovermind/RSS-GPT (2024-03): a git-scraping fork of RSS-GPT that reads each page's feed on a schedule
//     (`config.ini`) and commits what it read (`docs/<name>.xml`, the page's own items with their links). A feed
//     at `/history.rss` is served by Statuspage and by Instatus alike, so the platform is taken from the items: a
//     page is Statuspage when every item it kept links to `/incidents/<12-character id>`, Statuspage's incident id.
//     A page the 2026 probe found on no platform we read, or gone, stays out (the newer reading wins).
// Pages vendor-status-watch (2026-09) found on no platform we read, or gone: a batch read after its probe leaves them out.
const vswLost = new Set(
  readFileSync(path.join(import.meta.dirname, 'catalog-sources', 'vendor-status-watch-2026-09.tsv'), 'utf8')
    .split('\n')
    .filter((l) => /^(unreadable|dead-dns)\t/.test(l))
    .map((l) => bare(l.split('\t')[1])),
);
{
  const ini = show(rssGptGit, 'config.ini');
  for (const m of ini.matchAll(/\[source\d+\]\s*\nname = "([^"]+)"\s*\nurl = "([^"]+)"/g)) {
    const [, name, feed] = m;
    const url = new URL(feed);
    if (!/^\/history\.(rss|atom)$/.test(url.pathname)) continue;
    const xml = showIfAny(rssGptGit, `docs/${name}.xml`);
    const channel = xml.match(/<channel>[\s\S]*?<link>([^<]+)<\/link>/)?.[1] ?? '';
    const items = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((i) => i[1]);
    const host = url.hostname.toLowerCase();
    // The feed is the page's own: its channel names the page's host, and it kept at least one item.
    if (!items.length || bare(new URL(channel || 'https://invalid.').hostname) !== bare(host)) {
      skip('RSS-GPT: no item kept from the feed, or the feed names another page', feed);
      continue;
    }
    const statuspage = items.every((link) => {
      const u = new URL(link);
      return bare(u.hostname) === bare(host) && /^\/incidents\/[a-z0-9]{12}$/.test(u.pathname);
    });
    if (!statuspage) {
      // Not a Statuspage feed (Instatus serves `/history.rss` too): the feed itself is what RSS-GPT read, so it is
      // catalogued as a feed at that address, unless the vendor is here already.
      // A page another list files under a platform the catalog offers no page on yet (Sorry, Statuspal: no real
      // capture) is offered by the feed RSS-GPT read instead (Unity).
      const seen = replaceableByFeed(bare(host));
      if (known.has(bare(host)) || (candidates.has(bare(host)) && !seen))
        skip('RSS-GPT: items of a platform other than Statuspage, vendor already here', feed);
      else {
        if (seen) candidates.delete(bare(host));
        confirmOrOffer({
          name,
          url: url.href.replace(/^http:/, 'https:'),
          platform: 'feed',
          source: 'rss-gpt',
          rank: 0.3,
          confirmedBy: 'rss-gpt',
        });
      }
      continue;
    }
    if (vswLost.has(bare(host))) {
      skip('RSS-GPT: read in 2024, but vendor-status-watch (2026-09) found no platform we read on it', feed);
      continue;
    }
    confirmOrOffer({
      name,
      url: `https://${host}`,
      platform: 'statuspage',
      source: 'rss-gpt',
      rank: 0.3,
      confirmedBy: 'rss-gpt',
    });
  }
}

// 11. happy-yeachan/Marketplace-App-Status (2026-07): a dashboard of Atlassian Marketplace apps' vendors. Its
//     `src/types/index.ts` maps each vendor (and some products) to the JSON endpoint of its page; its server reads
//     each with the reader of that endpoint's platform (`src/lib/status-extract.ts`: Statuspage's `/api/v2/*.json`,
//     Instatus's `/summary.json`, Better Stack's `/index.json`, tested on real captures of each in
//     `src/lib/__tests__/fixtures/`), and a weekly CI audit (`scripts/audit-static-urls.ts`,
//     `.github/workflows/url-liveness.yml`) fetches every address in the map and fails on one that does not answer
//     that JSON; pages found gone or private were taken out and are kept only in comments (not read here).
{
  const code = show(marketplaceGit, 'src/types/index.ts')
    .split('\n')
    .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l))
    .join('\n');
  const seen = new Set();
  for (const m of code.matchAll(/"https:\/\/([a-z0-9.-]+)(\/[a-z0-9/._-]*)"/g)) {
    const [, host, pathName] = m;
    const platform = /^\/api\/v2\/(summary|status)\.json$/.test(pathName)
      ? 'statuspage'
      : pathName === '/summary.json' && /\.instatus\.com$/.test(host)
        ? 'instatus'
        : pathName === '/index.json'
          ? 'betterstack'
          : undefined;
    if (!platform || seen.has(host)) continue;
    seen.add(host);
    const name = MARKETPLACE_NAMES[host];
    if (!name) {
      // Pages the catalog or another list has already (Atlassian, Tempo, Lucid, Miro, …): the map names them by a
      // lower-case key only.
      if (!known.has(bare(host)) && !candidates.has(bare(host)))
        skip('Marketplace-App-Status: no vendor name for the page', host);
      continue;
    }
    confirmOrOffer({
      name,
      url: `https://${host}`,
      platform,
      source: 'marketplace-app-status',
      rank: 0.35,
      confirmedBy: 'marketplace-app-status',
    });
  }
}

// 12. Stored copies of status pages (2026-12): the search tool's crawled public pages, each kept at its own address,
//     whose template names the platform (scripts/catalog-sources/stored-pages-*.tsv; each file's header says how a
//     template was told apart and what was left out). A copy shows no crawl date, only the dates of the updates it
//     shows: a page whose newest shown date is before 2024 is too old to confirm alone, as the 2021 captures weighed
//     before were, and a page the 2026 probe found on no platform we read stays out (the newer reading wins).
const STORED_SINCE = '2024-01';
// A page can have several copies across the files (a later pass found a newer copy of a page an earlier pass found
// only in old ones): each page is judged by its newest copy.
const storedByHost = new Map();
for (const file of readdirSync(path.join(import.meta.dirname, 'catalog-sources'))
  .filter((f) => /^stored-pages-.*\.tsv$/.test(f))
  .sort()) {
  const text = readFileSync(path.join(import.meta.dirname, 'catalog-sources', file), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [platform, host, name, shown] = line.split('\t');
    const dated = /^\d{4}-\d{2}$/.test(shown) ? shown : '';
    const seen = storedByHost.get(bare(host));
    if (!seen || dated > seen.dated) storedByHost.set(bare(host), { platform, host, name, dated });
  }
}
for (const { platform, host, name, dated } of storedByHost.values()) {
  if (known.has(bare(host))) continue;
  const why =
    dated < STORED_SINCE
      ? 'stored pages: the copy shows no date from 2024 on (too old to confirm a page alone)'
      : vswLost.has(bare(host))
        ? 'stored pages: vendor-status-watch (2026-09) found no platform we read on it'
        : '';
  if (why) skip(why, host);
  else {
    const source = 'stored-pages';
    confirmOrOffer({ name, url: `https://${host}`, platform, source, rank: 0.3, confirmedBy: source });
  }
}

// 13. moollaza/status-monitor (2026-04): a macOS menu-bar monitor whose catalog (`Resources/catalog.json`) was grown
//     from two public lists (`scripts/statusphere-urls.json`, `scripts/awesome-status-urls.json`) by
//     `scripts/merge-and-verify.py`, which fetched each address's `/api/v2/summary.json` live (2026-04-12) and kept only
//     a JSON answer with Statuspage's `page` and `status` (named by the page's own `page.name`); the app reads each
//     entry of `type: "statuspage"` there (`Models/Models.swift`). Its `platform` label ("atlassian" when the answer
//     listed incidents, else "incident.io") is a guess from one answer and is not used: the answer's shape is
//     Statuspage's, which incident.io pages serve too, so the entry is "statuspage" and detection decides what is read
//     when a page is added (as for vendor-status-watch's "statuspage"). Only entries whose address is in one of the two
//     lists are read here: the rest (89 pages) were found by trying address patterns made from a vendor's name
//     (`scripts/discover-services.py`), which this catalog does not do. A page the newer 2026-09 probe found on no
//     platform we read, or gone, stays out; a page another source files under another platform keeps it.
const STATUS_MONITOR_CATEGORY = {
  'Developer Tools': 'devtools',
  'Cloud & Hosting': 'cloud',
  Productivity: 'collaboration',
  Communication: 'communication',
  Finance: 'finance',
  Security: 'security',
  'E-commerce': 'ecommerce',
  Education: 'hr',
  Analytics: 'analytics',
  Payments: 'payments',
  Monitoring: 'monitoring',
  Media: 'media',
  CRM: 'crm',
  'AI & ML': 'ai',
  HR: 'hr',
  Healthcare: 'other',
  CMS: 'devtools',
  IoT: 'other',
  'Social & Media': 'media',
  Atlassian: 'collaboration',
  Databases: 'data',
  Gaming: 'media',
};
// The vendor's name: the curated list's (awesome-status-pages names vendors as people write them) where it has the
// page, else the page's own name without what pages add to it ("Status", "System Status", "Inc."), else the other
// list's (statusphere's lower-case key). A page whose own name says it is retired is left out.
function statusMonitorName(pageName, listName, sphereName) {
  const generic =
    /^(status|it|it services|insights|operations?|api|cloud|platform|services?|site availability|enterprise support)$/i;
  for (const raw of [listName, pageName]) {
    if (!raw) continue;
    let name = raw
      .replace(/^(server\s+)?status\s*[-–|:]\s*/i, '')
      .replace(/^status\.(?=\S+\.[a-z]+$)/i, '')
      .replace(/^status\s+/i, '');
    for (let before = ''; before !== name;) {
      before = name;
      name = name
        .replace(/,?\s+(inc|ltd|llc|gmbh|oy|ab|limited|corp|co)\.?$/i, '')
        .replace(
          /\s+(system status dashboard|system status|system health|status page|statuspage|service status|status|services?|systems?|platform|dashboard|product|site|prod)$/i,
          '',
        )
        .trim();
    }
    name = name.replace(/^([a-z0-9]{3,})status$/i, '$1');
    if (name && !generic.test(name)) return name;
  }
  return sphereName || '';
}
{
  const listName = new Map();
  const sphereName = new Map();
  for (const [file, names] of [
    ['scripts/awesome-status-urls.json', listName],
    ['scripts/statusphere-urls.json', sphereName],
  ])
    for (const e of JSON.parse(show(statusMonitorGit, file)))
      names.set(e.url.replace(/\/+$/, '').toLowerCase(), e.name);
  for (const e of JSON.parse(show(statusMonitorGit, 'Resources/catalog.json'))) {
    if (e.type !== 'statuspage') continue;
    const url = e.base_url.replace(/\/+$/, '');
    const key = url.toLowerCase();
    if (!listName.has(key) && !sphereName.has(key)) {
      skip("status-monitor: an address tried from a pattern of the vendor's name, not from a list", url);
      continue;
    }
    if (/decommissioned|deprecated|retired/i.test(e.name)) {
      skip('status-monitor: the page names itself retired', url);
      continue;
    }
    const host = bare(hostOf(url));
    if (vswLost.has(host)) {
      if (!known.has(host))
        skip(
          'status-monitor: vendor-status-watch (2026-09, newer) found no platform we read on it, or its host gone',
          url,
        );
      continue;
    }
    confirmOrOffer({
      name: statusMonitorName(e.name, listName.get(key), sphereName.get(key)),
      url: `https://${hostOf(url)}`,
      platform: 'statuspage',
      source: 'status-monitor',
      rank: 0.25,
      confirmedBy: 'status-monitor',
      category: STATUS_MONITOR_CATEGORY[e.category],
    });
  }
}

// ---- choose ----------------------------------------------------------------------------------------------
const out = [];
const PROVIDERS = existing
  .filter((e) => !e.parent && existing.some((child) => child.parent === e.id))
  .map((e) => ({ id: e.id, host: bare(hostOf(e.url)) }));
const ids = new Set(existing.map((e) => e.id));
const nameKey = (n) =>
  n
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const names = new Set(existing.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(nameKey)));
// The lists first, then the pages only the newer readers name: a page they add never takes the name (and id)
// of a vendor a list already gives another address.
const LATE = new Set([
  'w6w-apps',
  'is-it-down',
  'vendor-status-watch',
  'code-index',
  'program-readers',
  'rss-gpt',
  'marketplace-app-status',
  'stored-pages',
]);
// status-monitor last of all: its names are pages' own names, the other lists' are the vendors'.
const order = (c) => (c.source === 'status-monitor' ? 2 : LATE.has(c.source) ? 1 : 0);
for (const c of [...candidates.values()].sort(
  (a, b) => order(a) - order(b) || a.name.localeCompare(b.name),
)) {
  if (known.has(c.host)) {
    skip('already in the catalog (same host)', c.url);
    continue;
  }
  if (NO_CAPTURE_YET.has(c.platform)) {
    skip('a platform no real capture of which was found yet (Sorry, Statuspal)', c.url);
    continue;
  }
  if (NOT_OURS.some((re) => re.test(c.host))) {
    skip('served by a dashboard or platform we have no reader for', c.url);
    continue;
  }
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(c.host)) {
    skip('not a public host name', c.url);
    continue;
  }
  if (c.dropped) {
    skip(c.dropped, c.url);
    continue;
  }
  if (c.conflict) {
    skip('sources of the same rank disagree on the platform', c.url);
    continue;
  }
  let name = displayName(c.name, c.host);
  if (!name) {
    skip('no vendor name', c.url);
    continue;
  }
  if (names.has(nameKey(name))) {
    // The vendor is already catalogued under another address (an older host, or its *.statuspage.io name):
    // the address of the newer source stands.
    skip('vendor already catalogued under another address', `${c.url} (${name})`);
    continue;
  }
  names.add(nameKey(name));
  let id = slug(name);
  if (ids.has(id)) id = slug(`${name} ${c.host}`);
  if (ids.has(id) || !id) {
    skip('no unique id', c.url);
    continue;
  }
  ids.add(id);
  // A page on a sub-domain of a provider's page whose products the catalog lists under it (Atlassian's products at
  // `<product>.status.atlassian.com`) is one of those products.
  const parent = PROVIDERS.find((p) => c.host.endsWith(`.${p.host}`))?.id;
  const entry = {
    id,
    name,
    category: categorize(name, c.host, c.category),
    // A feed is catalogued at the feed's own address; a page at the root of its host.
    url: c.platform === 'feed' ? c.url : `https://${hostOf(c.url)}`,
    platform: c.platform,
    ...(parent ? { parent } : {}),
  };
  out.push({
    entry,
    source: c.source,
    confirmedBy: c.confirmedBy ?? (c.source === 'statusphere' ? undefined : c.source),
  });
}
out.sort((a, b) => a.entry.id.localeCompare(b.entry.id));
writeFileSync(
  path.join(DATA, OUT),
  JSON.stringify(
    out.map((o) => o.entry),
    null,
    2,
  ) + '\n',
);

const bySource = {};
for (const o of out) bySource[o.source] = (bySource[o.source] ?? 0) + 1;
const byPlatform = {};
for (const o of out) byPlatform[o.entry.platform] = (byPlatform[o.entry.platform] ?? 0) + 1;
const byCategory = {};
for (const o of out) byCategory[o.entry.category] = (byCategory[o.entry.category] ?? 0) + 1;
// Whose reader confirmed each entry's platform; "none" is a statusphere page catalogued as Statuspage by default.
const byConfirmation = {};
for (const o of out)
  byConfirmation[o.confirmedBy ?? 'none'] = (byConfirmation[o.confirmedBy ?? 'none'] ?? 0) + 1;
console.log(JSON.stringify({ added: out.length, bySource, byPlatform, byCategory, byConfirmation }, null, 1));
if (process.env.UNCONFIRMED)
  console.log(
    out
      .filter((o) => !o.confirmedBy)
      .map((o) => o.entry.url)
      .join('\n'),
  );
if (conflicts.length) console.log('sources disagree (the entry keeps its platform):', conflicts);
if (corrected.length) console.log('platform corrected by vendor-status-watch:', corrected);
console.log('left out:');
for (const [reason, list] of Object.entries(skipped)) console.log(`  ${list.length}\t${reason}`);
if (process.env.VERBOSE) console.log(JSON.stringify(skipped, null, 1));

// ---- helpers ---------------------------------------------------------------------------------------------
function displayName(raw, host) {
  let name = raw
    .replace(/\s+/g, ' ')
    .split(' - ')[0]
    .replace(/[-\s]+$/, '')
    .trim();
  if (NAME_FIXES[host]) return NAME_FIXES[host];
  if (!name) return '';
  // Lists write some names as slugs ("Akamai-Edge-Dns") or in lower case ("codefresh"): the vendor's own
  // casing is not known, so words are split at hyphens and only their first letter raised.
  if (!name.includes(' ') && /[A-Za-z]-[A-Za-z]/.test(name) && !/\.[a-z]/.test(name))
    name = name.replace(/-/g, ' ');
  if (name === name.toLowerCase() || raw.includes('-'))
    name = name.replace(/(^|\s)([a-z])/g, (_, a, b) => a + b.toUpperCase());
  name = name.replace(/\b(Dns|Cdn|Api|Iot|Crm|Rms|Saas|Msp|Sso|Vpn|Erp|Ai|Hr|Dx|It|Ip)\b/g, (w) =>
    w === 'Saas' ? 'SaaS' : w.toUpperCase(),
  );
  return name;
}

function slug(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// A category from words of the name and host; "other" when none fits. Checked in order: the first match wins.
// A category the source gives (status-monitor's own) comes after the hand-made table, before the words.
function categorize(name, host, given) {
  if (CATEGORY_BY_NAME.has(name)) return CATEGORY_BY_NAME.get(name);
  if (given) return given;
  // The host's own words, without the words every status page's host has ("status", "www", the TLD).
  const labels = host
    .split('.')
    .slice(0, -1)
    .filter(
      (l) => !/^(www|status|statuspage|statut|trust|uptime|co|com|net|org|io)$/.test(l) && !/status/.test(l),
    );
  const text = ` ${name.toLowerCase()} ${labels.join(' ')} `;
  for (const [category, re] of CATEGORY_WORDS) if (re.test(text)) return category;
  return 'other';
}
