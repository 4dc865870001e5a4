extension VerbLexicon {
  /// A coarse relation class: one of the twenty CAMEO root categories under a short name for the
  /// graph. See the CAMEO codebook, https://parusanalytics.com/eventdata/cameo.dir/CAMEO.Manual.1.1b3.pdf
  ///
  /// The names say what the subject does to the object; where CAMEO's own title is long, the name
  /// is its most common news sense (CAMEO 16 "reduce relations" is named `sanction`, its best-known
  /// member; CAMEO 04 "consult" is named `meet`). ``cameoTitle`` keeps CAMEO's wording.
  public enum RelationClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// 01: make a public statement (say, announce, comment).
    case statement
    /// 02: appeal or request (ask, urge, call for).
    case appeal
    /// 03: express intent to cooperate (offer, promise, pledge, plan).
    case intendCooperation = "intend-cooperation"
    /// 04: consult (meet, visit, host, telephone, negotiate, mediate).
    case meet
    /// 05: engage in diplomatic cooperation (agree, support, praise, sign agreements).
    case diplomaticCooperation = "diplomatic-cooperation"
    /// 06: engage in material cooperation (trade, finance, arm, share intelligence).
    case materialCooperation = "material-cooperation"
    /// 07: provide aid (economic, military, humanitarian aid, protection, asylum).
    case aid
    /// 08: yield (release, return, withdraw, ease sanctions, allow).
    case yield
    /// 09: investigate.
    case investigate
    /// 10: demand.
    case demand
    /// 11: disapprove (criticize, condemn, accuse, complain, sue).
    case condemn
    /// 12: reject (refuse, deny, defy, veto proposals).
    case reject
    /// 13: threaten (warn, give an ultimatum).
    case threaten
    /// 14: protest (demonstrate, strike, riot).
    case protest
    /// 15: exhibit force posture (mobilize or deploy forces, raise alert).
    case deploy
    /// 16: reduce relations (sanction, embargo, break relations, cut aid, expel diplomats).
    case sanction
    /// 17: coerce (seize, arrest, ban, restrict, repress).
    case coerce
    /// 18: assault outside regular combat (abduct, torture, bomb, assassinate).
    case assault
    /// 19: fight with conventional military force (attack, occupy, blockade, shell).
    case fight
    /// 20: use unconventional mass violence (mass killing, ethnic cleansing, weapons of mass
    /// destruction).
    case massViolence = "mass-violence"

    /// The class of a CAMEO event code (`111`, `0334`, `19`): its first two digits name the root.
    public init?(cameoCode: some StringProtocol) {
      let digits = cameoCode.utf8.prefix(2)
      guard digits.count == 2, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      else { return nil }
      let root = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      guard root >= 1, root <= Self.byRoot.count else { return nil }
      self = Self.byRoot[root - 1]
    }

    /// The cases in CAMEO order, built once: `allCases` makes a new array on every call.
    private static let byRoot = Array(allCases)

    /// The two-digit CAMEO root code (`"01"` … `"20"`).
    public var cameoRoot: String {
      let root = Self.byRoot.firstIndex(of: self)! + 1
      return root < 10 ? "0\(root)" : "\(root)"
    }

    /// CAMEO's own title for the root category.
    public var cameoTitle: String {
      switch self {
      case .statement: "Make public statement"
      case .appeal: "Appeal"
      case .intendCooperation: "Express intent to cooperate"
      case .meet: "Consult"
      case .diplomaticCooperation: "Engage in diplomatic cooperation"
      case .materialCooperation: "Engage in material cooperation"
      case .aid: "Provide aid"
      case .yield: "Yield"
      case .investigate: "Investigate"
      case .demand: "Demand"
      case .condemn: "Disapprove"
      case .reject: "Reject"
      case .threaten: "Threaten"
      case .protest: "Protest"
      case .deploy: "Exhibit force posture"
      case .sanction: "Reduce relations"
      case .coerce: "Coerce"
      case .assault: "Assault"
      case .fight: "Fight"
      case .massViolence: "Use unconventional mass violence"
      }
    }
  }
}
