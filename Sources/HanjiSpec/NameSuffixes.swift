/// What may follow a name in the same word and leave it the name: titles and honorifics
/// (호칭·직함), then particles (조사) and the copula 이다 (서술격 조사) in its forms, chained
/// (한부영 + 위원장 + 님 + 께서 + 는). The table is the one place this is written; the forms
/// are written as grammar books write them:
///
/// - `이/가`: 이 after a final consonant (받침), 가 after a vowel;
/// - `(으)로`: 으로 after a final consonant other than ㄹ, 로 after a vowel or ㄹ;
/// - `(이)나`: 이나 anywhere, 나 after a vowel (the copula's 이 drops after a vowel).
enum NameSuffixes {
    /// 호칭 and 직함: what names a person by their standing (씨, 님, 선생님, 위원장, 구청장 …).
    static let titles = """
        씨 님 군 양 옹 여사 귀하 선생 선배 후배 형 언니 누나 오빠
        의장 부의장 위원장 부위원장 공동위원장 위원 분과장 부분과장 분과위원 분과위원장 분과원
        간사 총무 대표 공동대표 대표이사 이사 이사장 감사 회장 부회장 사무국장 사무처장 사무총장
        국장 과장 팀장 계장 실장 부장 차장 대리 주임 주무관 조정관 지원관 협치조정관 협치지원관 담당 담당자
        구청장 부구청장 시장 부시장 구의원 시의원 의원 동장 통장 반장 단장 센터장 관장 원장 소장 본부장 처장
        교수 박사 변호사 활동가 기자 작가 강사 매니저 코디네이터 목사 신부 스님
        """

    /// 격조사, 보조사 and 접속조사, and the bound nouns that follow a name (등, 외, 들).
    static let particles = """
        이/가 께서 에서 을/를 의 에 에게 에게서 한테 한테서 께 더러 보고 (으)로 (으)로서 (으)로써 (으)로부터
        과/와 하고 (이)랑 처럼 같이 보다 만큼 만치 대로 아/야 (이)여 (이)시여
        은/는 도 만 까지 부터 마저 조차 (이)나 (이)나마 (이)라도 (이)든지 (이)든가 (이)든 (이)야 (이)야말로
        마다 밖에 뿐 요 커녕 치고 (이)며 에다 에다가 등 외 들
        """

    /// The copula 이다 in its forms: each stem followed by each of its endings.
    static let copula: [(stems: String, endings: String)] = [
        ("(이)", "다 고 며 면 니 니까 나 라 라서 라고 라는 라면 란 지만 지 지요 죠 던 든 므로 기에 자 요 네 네요 군요 구나 냐"),
        ("", "입니다 입니까 입니다만 인 인데 인데요 인지 인가 인가요 인들 일 일까 일지 임"),
        ("이었/였", "다 고 으며 으나 으면 는데 지만 던 습니다 습니까 어요 음 기에 으므로 다고 다는"),
        ("이에/예", "요"),
        ("이어/여", "요 서 야 도"),
        ("(이)시", "다 고 며 면 니 지만 던 기에 므로"),
        ("(이)", "십니다 십니까 신 세요 셔요 셔서"),
        ("(이)셨", "다 고 으며 는데 지만 던 습니다 습니까 어요 음"),
    ]

    /// When a form may follow: after any syllable, or only after one with or without 받침.
    enum Condition: Sendable {
        case any, consonant, vowel, consonantNotRieul, vowelOrRieul

        /// Whether the form may follow `previous` (a character that is not a Hangul syllable,
        /// such as the last letter of a Hanja or romanised spelling, allows every form).
        func allows(after previous: Character) -> Bool {
            guard let v = previous.unicodeScalars.first?.value, (0xAC00...0xD7A3).contains(v) else { return true }
            let final = (v - 0xAC00) % 28
            switch self {
            case .any: return true
            case .consonant: return final != 0
            case .vowel: return final == 0
            case .consonantNotRieul: return final != 0 && final != 8
            case .vowelOrRieul: return final == 0 || final == 8
            }
        }
    }

    /// A form with when it may follow.
    struct Form: Sendable {
        var text: [Character]
        var condition: Condition
    }

    /// One written form (`이/가`, `(으)로`, `(이)나`, `에게`) as the forms it stands for.
    static func forms(_ written: String, ending: String = "") -> [Form] {
        func form(_ s: String, _ c: Condition) -> Form { Form(text: Array(s + ending), condition: c) }
        if let slash = written.firstIndex(of: "/") {
            let after = written.index(after: slash)
            return [form(String(written[..<slash]), .consonant), form(String(written[after...]), .vowel)]
        }
        if written.hasPrefix("(으)") {
            let rest = String(written.dropFirst(3))
            return [form("으" + rest, .consonantNotRieul), form(rest, .vowelOrRieul)]
        }
        if written.hasPrefix("(이)") {
            let rest = String(written.dropFirst(3))
            return [form("이" + rest, .any), form(rest, .vowel)]
        }
        return [form(written, .any)]
    }

    static func words(_ list: String) -> [String] { list.split(whereSeparator: \.isWhitespace).map(String.init) }

    /// Every title, as forms that follow anything.
    static let titleForms: [Form] = words(titles).flatMap { forms($0) }

    /// Every particle and copula form.
    static let particleForms: [Form] = words(particles).flatMap { forms($0) }
        + copula.flatMap { row in words(row.endings).flatMap { ending in
            row.stems.isEmpty ? forms(ending) : forms(row.stems, ending: ending)
        } }

    /// The most letters a chain of titles and particles is read to.
    static let longest = 24

    /// Whether `rest` (what follows a name up to the end of its word) is titles, then particles
    /// and copula forms, each allowed after what comes before it. `previous` is the name's last
    /// character.
    static func allows(_ rest: ArraySlice<Character>, after previous: Character) -> Bool {
        // No chain of titles and particles is this long (위원장님께서는 is 7 letters).
        guard rest.count <= longest else { return false }
        var failed = Set<Int>()
        // `at` is where the next form starts; titles may follow only titles.
        func walk(_ at: Int, titles: Bool) -> Bool {
            if at == rest.endIndex { return true }
            guard !failed.contains(at * 2 + (titles ? 1 : 0)) else { return false }
            let before = at == rest.startIndex ? previous : rest[at - 1]
            func fits(_ form: Form) -> Bool {
                rest[at...].starts(with: form.text) && form.condition.allows(after: before)
            }
            if titles && titleForms.contains(where: { fits($0) && walk(at + $0.text.count, titles: true) }) {
                return true
            }
            if particleForms.contains(where: { fits($0) && walk(at + $0.text.count, titles: false) }) {
                return true
            }
            failed.insert(at * 2 + (titles ? 1 : 0))
            return false
        }
        return walk(rest.startIndex, titles: true)
    }
}
