# sailau — қазақша хабарламалар каталогы.
#
# Кілттер үш тілде бірдей (оны тест тексереді). Қазақ тілінде сан есімнен кейін зат есім
# жекеше түрде тұрады («17 облыс»), сондықтан мұнда көпше түр таңдау қажет емес.
# Сандық айнымалылар әрқашан NUMBER(…) арқылы өтеді; учаске, жол және жазба нөмірлері
# разрядтарға бөлінбейді (useGrouping: "false").

## Сайт

site-name = sailau
site-tagline = Сайлауды басқарудың ашық жүйесі
site-description = Қазақстандағы әкімдер сайлауына арналған аумақтардың, сайлау учаскелері мен партиялардың тізілімі және өзгерістердің ашық, тексерілетін журналы.
site-logo-alt = sailau — басты бетке

## Навигация

nav-label = Негізгі мәзір
nav-home = Басты бет
nav-territories = Аумақтар
nav-precincts = Учаскелер
nav-parties = Партиялар
nav-ledger = Журнал
nav-login = Кіру
nav-logout = Шығу
nav-account = Есептік жазба
nav-administration = Әкімшілендіру
nav-language = Тіл
nav-skip-to-content = Негізгі мазмұнға өту
nav-breadcrumbs = Сіз осындасыз
nav-signed-in-as = Сіз { $username } ретінде кірдіңіз

## Басты бет

home-title = Басты бет
home-heading = Әкімдер сайлауының ашық тізілімі
home-lead = sailau Қазақстандағы әкімдер сайлауына арналған аумақтардың, сайлау учаскелерінің және саяси партиялардың тізілімін жүргізеді. Әрбір өзгеріске қол қойылып, кез келген адам тексере алатын ашық журналға жазылады.
home-summary-heading = Тізілім сандармен
home-demo-notice = Демонстрациялық деректер: облыстар, аудандар, учаскелер мен партиялар 2023 жылғы 5 қарашадағы сайлау туралы ашық дереккөздерге сәйкес келеді, ал сайлаушылардың учаскелер бойынша бөлінуі жасанды түрде құрылған.
home-what-heading = sailau не істейді
home-what-registry = Тізілім: ӘАОЖ кодтары бар облыстар, аудандар, қалалар, ауылдық округтер, ауылдар мен кенттер; тізімдегі сайлаушылар саны көрсетілген сайлау учаскелері; партиялар мен олардың филиалдары.
home-what-ledger = Журнал: әрбір өзгеріс — қол қойылған төбесі бар Меркл ағашындағы (RFC 9162) жазба. Бірде-бір жазбаның өзгертілмегенін және жойылмағанын кез келген адам тексере алады.
home-what-roles = Рөлдер: комиссия мүшелері мен партия хатшылары тек өз өкілеттігі шегінде әрекет етеді. Тізілімді жүйеге кірмей-ақ қарауға болады.
home-browse-heading = Тізілімді ашу

## Сандар: сан және зат есім

count-regions = { NUMBER($count) } облыс
count-districts = { NUMBER($count) } аудан және қала
count-territories = { NUMBER($count) } аумақ
count-precincts = { NUMBER($count) } сайлау учаскесі
count-voters = { NUMBER($count) } сайлаушы
count-parties = { NUMBER($count) } партия
count-branches = { NUMBER($count) } филиал
count-entries = { NUMBER($count) } жазба
count-users = { NUMBER($count) } пайдаланушы

## Карточкалардағы үлкен сандардың жазуы (сан бөлек шығарылады)

stat-regions = облыс
stat-districts = аудан және облыстық маңызы бар қала
stat-precincts = сайлау учаскесі
stat-voters = тізімдегі сайлаушы
stat-parties = саяси партия
stat-entries = журналдағы жазба

## Аумақ түрлері

territory-kind-region = Облыс
territory-kind-republican-city = Республикалық маңызы бар қала
territory-kind-district = Аудан
territory-kind-regional-city = Облыстық маңызы бар қала
territory-kind-rural-okrug = Ауылдық округ
territory-kind-village = Ауыл
territory-kind-settlement = Кент
territory-kind-district-city = Аудандық маңызы бар қала

## Аумақтар

territories-title = Аумақтар
territories-intro = Әкімшілік-аумақтық бөлініс: облыстар мен республикалық маңызы бар қалалар, аудандар мен қалалар, ауылдық округтер, ауылдар мен кенттер. Кодтары ӘАОЖ (КАТО) жіктеуіші бойынша берілген.
territories-tree-heading = Барлық аумақтар
territories-search-label = Аумақты іздеу
territories-search-hint = Кез келген тілдегі атауы немесе ӘАОЖ коды
territories-search-submit = Іздеу
territories-search-results = «{ $query }» сұрауы бойынша { NUMBER($count) } аумақ табылды
territories-search-none = «{ $query }» сұрауы бойынша ештеңе табылмады.
territories-empty = Тізілімде әзірге аумақтар жоқ.
territory-code = ӘАОЖ коды
territory-code-hint = 9 цифр
territory-name = Атауы
territory-name-ru = Орысша атауы
territory-name-kk = Қазақша атауы
territory-name-en = Ағылшынша атауы
territory-kind = Түрі
territory-parent = Жоғары тұрған аумақ
territory-parent-hint = Жоғары тұрған аумақтың ӘАОЖ коды. Облыс пен республикалық маңызы бар қала үшін бос қалдырыңыз.
territory-parent-none = Жоғарғы деңгей
territory-children = Құрамындағы аумақтар
territory-no-children = Құрамында басқа аумақтар жоқ.
territory-precincts-link = Осы аумақтың сайлау учаскелері

## Сайлау учаскелері

precincts-title = Сайлау учаскелері
precincts-intro = Сайлау учаскелері және олардың тізімдеріне енгізілген сайлаушылар саны.
precincts-in-territory = Сайлау учаскелері: { $territory }
precincts-empty = Сайлау учаскелері әзірге жоқ.
precincts-total-voters = Тізімдегі сайлаушылардың жалпы саны: { NUMBER($count) }
precinct-heading = № { NUMBER($number, useGrouping: "false") } сайлау учаскесі
precinct-number = Нөмірі
precinct-number-hint = 1 мен 99 999 аралығындағы бүтін сан; нөмір облыс ішінде қайталанбайды.
precinct-address = Мекенжайы
precinct-voters = Тізімдегі сайлаушылар
precinct-territory = Аумақ
precinct-territory-hint = Ауданның, қаланың, ауылдық округтің, ауылдың немесе кенттің ӘАОЖ коды.

## Партиялар

parties-title = Партиялар
parties-intro = Қазақстан Республикасында тіркелген саяси партиялар және олардың филиалдары.
parties-empty = Тізілімде әзірге партиялар жоқ.
party-code = Коды
party-code-hint = 2-ден 32-ге дейін латынның кіші әріптері, цифрлар немесе дефис, мысалы: amanat.
party-full-name = Толық атауы
party-name-ru = Орысша толық атауы
party-name-kk = Қазақша толық атауы
party-short-name = Қысқаша атауы
party-branches = Филиалдары
party-branches-none = Тізілімде филиалдар жоқ.
branch-party = Партия
branch-territory = Филиалдың аумағы

## Тұлғалар

persons-title = Тұлғалар
person-surname = Тегі
person-given-name = Аты
person-patronymic = Әкесінің аты
person-patronymic-hint = Бар болса
person-birth-date = Туған күні
person-birth-date-hint = ЖЖЖЖ-АА-КК пішімінде
person-gender = Жынысы
gender-male = Ер
gender-female = Әйел

## Рөлдер

role-administrator = Әкімші
role-cec-member = Орталық сайлау комиссиясының мүшесі
role-territorial-commission = Аумақтық сайлау комиссиясының мүшесі
role-precinct-commission = Учаскелік сайлау комиссиясының мүшесі
role-party-secretary = Партия хатшысы
role-candidate = Кандидат
role-observer = Байқаушы
role-anonymous = Қонақ

## Есептік жазба және өкілеттік

account-title = Есептік жазба
account-username = Пайдаланушы аты
account-role = Рөлі
account-scope = Өкілеттік аясы
account-status = Күйі
account-status-active = Белсенді
account-status-disabled = Өшірілген
scope-global = Шектеусіз
scope-territory = «{ $territory }» аумағы және оның құрамындағы барлық аумақтар
scope-precincts = Сайлау учаскелері: { $precincts }
scope-party = «{ $party }» партиясы
scope-party-branch = «{ $party }» партиясы, «{ $territory }» аумағындағы филиалдар

## Формалар

form-save = Сақтау
form-cancel = Болдырмау
form-submit = Жіберу
form-add-territory = Аумақ қосу
form-add-precinct = Учаске қосу
form-add-party = Партия қосу
form-add-branch = Филиал қосу
form-import-csv = CSV-ден импорттау
form-import-kind = Импорттау түрі
form-file = Файл
form-import-hint = UTF-8 кодтауындағы CSV; бірінші жол — тақырып: { $header }
form-import-all-or-nothing = Кемінде бір жол қате болса, ештеңе импортталмайды, ал барлық қателер жол нөмірлерімен көрсетіледі.
form-import-done = Импорт аяқталды: { NUMBER($count) } жол қосылды.
form-errors-heading = Формада { NUMBER($count) } қате бар
form-required = міндетті
form-optional = міндетті емес
form-error-prefix = Қате:
form-choose = — таңдаңыз —
form-saved = Өзгеріс сақталып, журналға жазылды.
form-ledger-entry = Журналдың № { NUMBER($index, useGrouping: "false") } жазбасы

## Журнал

ledger-title = Өзгерістер журналы
ledger-intro = Тізілімдегі әрбір өзгеріс — журналдағы жеке жазба. Жазбалар Меркл ағашын (RFC 9162) құрайды, ал оның төбесіне сервер Ed25519 кілтімен қол қояды. Сондықтан кез келген адам бірде-бір жазбаның өзгертілмегенін, жойылмағанын және кейін енгізілмегенін тексере алады.
ledger-entries = Жазбалар
ledger-index = №
ledger-time = Уақыты (UTC)
ledger-actor = Орындаған
ledger-actor-system = жүйе
ledger-command = Команда
ledger-subject = Не өзгерді
ledger-leaf-hash = Жапырақ хеші
ledger-tree-head = Ағаштың қол қойылған төбесі
ledger-size = Ағаш өлшемі
ledger-root = Түбір хеші
ledger-signature = Қолтаңба
ledger-key-id = Кілт идентификаторы
ledger-public-key = Ашық кілт
ledger-signed-at = Қол қойылған уақыты
ledger-inclusion-proof = Енгізу дәлелі
ledger-show-proof = Дәлел
ledger-entry-heading = Журналдың № { NUMBER($index, useGrouping: "false") } жазбасы
ledger-entry-payload = Жазбаның канондық мазмұны
ledger-proof-heading = № { NUMBER($index, useGrouping: "false") } жазбаның өлшемі { NUMBER($size, useGrouping: "false") } ағашқа енгізілу дәлелі
ledger-audit-path = Аудит жолы
ledger-proof-valid = Дәлел ағаштың қол қойылған төбесімен сәйкес келеді.
ledger-empty = Журнал әзірге бос.
ledger-range = Жазбалар: { NUMBER($from) }–{ NUMBER($to) }
ledger-verify-heading = Журналды қалай тексеруге болады
ledger-verify-instructions = Ағаштың төбесі, жазбалар мен дәлелдер API арқылы барлығына ашық. Жазбалардың хештерін RFC 9162 бойынша қайта есептеп, түбірді қол қойылған төбемен салыстырыңыз; қолтаңба сервердің ашық кілтімен тексеріледі.
ledger-verify-cli = Дерекқордың көшірмесі бар адам төмендегі команданы орындайды: ол ағашты қайта есептейді, қолтаңбаны тексереді, барлық жазбаны басынан бастап қайта ойнатады, нәтижені кестелермен салыстырады және алғашқы сәйкессіздікті атайды.
ledger-api-heading = Ашық API

## Командалар (журнал жазбасының түрі)

command-create-territory = Аумақ қосу
command-rename-territory = Аумақтың атауын өзгерту
command-create-precinct = Сайлау учаскесін қосу
command-update-precinct = Сайлау учаскесін өзгерту
command-create-party = Партия қосу
command-update-party = Партия деректерін өзгерту
command-create-branch = Партия филиалын қосу
command-register-person = Тұлғаны тіркеу
command-create-account = Есептік жазба құру
command-change-account-role = Рөлді өзгерту
command-set-account-active = Есептік жазбаны іске қосу немесе бұғаттау
command-change-password = Құпиясөзді ауыстыру
command-call-election = Сайлауды тағайындау
command-nominate-by-party = Кандидатты партияның ұсынуы
command-apply-self-nomination = Кандидаттың өзін-өзі ұсынуы
command-propose-by-higher-akim = Жоғары тұрған әкімнің кандидатура ұсынуы
command-attach-document = Құжатты тіркеу
command-tick-document = Ұсынылған құжат туралы белгі
command-record-deposit = Сайлау жарнасын енгізу
command-register-candidate = Кандидатты тіркеу
command-refuse-registration = Тіркеуден бас тарту
command-cancel-registration = Тіркеуді жою
command-produce-ballots = Бюллетень мәтінін бекіту
command-record-signature-sheets = Қол қою парақтарын тексеру
command-erase-signature-data = Қол қойғандардың дербес деректерін жою
command-record-member = Партия мүшесін есепке алу
command-erase-member-data = Партия мүшесінің дербес деректерін жою
command-set-conference-count = Конференциялар нөмірлеуін белгілеу
command-convene-conference = Конференцияны шақыру
command-seat-delegate = Делегатты тізімге енгізу
command-check-in = Делегатты тіркеу
command-open-motion = Күн тәртібіндегі мәселе дауысқа қойылды
command-record-vote = Дауыс беру қорытындысы
command-record-primary-meeting = Бастауыш партия ұйымының жиналысы
command-adopt-regional-plan = Облыстық филиал жоспарын бекіту
command-report-turnout = Сайлаушылардың келуі туралы мәліметтер
command-enter-protocol = Учаскелік комиссия хаттамасын енгізу
command-amend-protocol = Учаскелік комиссия хаттамасын нақтылау
command-attach-protocol-scan = Хаттаманың сканерленген көшірмесін тіркеу
command-record-observer-copy = Байқаушының хаттама көшірмесі
command-certify-results = Сайлау қорытындыларын бекіту
command-open-campaign = Праймериз жариялау
command-register-contender = Праймериз қатысушысын тіркеу
command-decide-contender = Праймериз қатысушысының өтініші бойынша шешім
command-withdraw-contender = Праймериз қатысушысының кандидатурасын алып тастау
command-schedule-debate = Дебат белгілеу
command-record-debate = Дебатқа қатысуды белгілеу
command-record-paper-count = Праймериз бюллетеньдерінің санағы
command-fix-ballot = Праймериз бюллетенін бекіту

## Жүйеге кіру

login-title = Жүйеге кіру
login-intro = Әрекет ету үшін кіру қажет: комиссия мүшелеріне, партия хатшылары мен комитеттеріне, сенім білдірілген тұлғаларға және праймеризде дауыс беретін партия мүшелеріне. Қорытындылар, тізілім және журнал бәріне кірусіз ашық.
login-username = Пайдаланушы аты
login-password = Құпиясөз
login-submit = Кіру
login-wrong-credentials = Пайдаланушы аты немесе құпиясөз қате.
login-too-many-attempts = Сәтсіз кіру әрекеттері тым көп. { NUMBER($seconds) } секунд күтіп, қайталап көріңіз.
login-logged-out = Сіз жүйеден шықтыңыз.
login-required = Жалғастыру үшін жүйеге кіріңіз.

## Әкімшілендіру

admin-title = Әкімшілендіру
admin-users = Пайдаланушылар
admin-add-user = Пайдаланушы қосу
admin-role = Рөлі
admin-scope = Өкілеттік аясы
admin-scope-hint = Әкімші, ОСК мүшесі, кандидат пен байқаушы үшін бос қалдырыңыз. Аумақтық комиссия: territory:КОД. Учаскелік комиссия: precincts:ОБЛЫС/НӨМІР,… Партия хатшысы: party:КОД немесе party:КОД@АУМАҚ_КОДЫ.
admin-scope-required = комиссиялар мен партиялық рөлдер үшін міндетті
admin-password = Құпиясөз
admin-password-shown-once = Құпиясөз бір рет қана көрсетіледі және оқылатын түрде еш жерде сақталмайды. Оны пайдаланушыға сенімді жолмен беріңіз.
admin-user-created = { $username } пайдаланушысы құрылды.
admin-no-users = Пайдаланушылар жоқ.

## Қателер

error-status = Қате коды: { NUMBER($status, useGrouping: "false") }
error-back-home = Басты бетке оралу
error-not-found-title = Бет табылмады
error-not-found-body = Мұндай бет жоқ. Мекенжайды тексеріңіз немесе басты беттен бастаңыз.
error-forbidden-title = Қол жеткізуге тыйым салынған
error-forbidden-body = Есептік жазбаңыздың бұл әрекетке өкілеттігі жоқ.
error-bad-request-title = Қате сұрау
error-bad-request-body = Сервер сұрауды түсіне алмады. Енгізілген деректерді тексеріп, қайталап көріңіз.
error-csrf-title = Форманың мерзімі өтті
error-csrf-body = Жіберу қауіпсіздік тексерісінен өтпеді: форманың мерзімі өтіп кеткен немесе ол басқа сеанста ашылған. Артқа қайтып, бетті жаңартыңыз және форманы қайта жіберіңіз.
error-too-large-title = Файл тым үлкен
error-too-large-body = Жіберілген деректердің көлемі рұқсат етілгеннен асып кетті.
error-server-title = Ішкі қате
error-server-body = Сервер сұрауды орындай алмады. Ештеңе өзгертілмеді. Кейінірек қайталап көріңіз.

## Деректерді тексеру (кілттер sailau-domain ережелерімен бірдей: Rule::key)

field-required = Бұл өрісті толтырыңыз.
field-choose = Тізімнен таңдаңыз.
confirm-required = Растау үшін белгі қойыңыз.
invalid-type = «{ $field }» өрісінің мәні { $expected ->
        [text] тырнақшадағы мәтін
        [whole-number] бүтін сан
        [number] сан
        [true-false] true немесе false
        [list] тік жақшадағы тізім
        [object] бұйра жақшадағы объект
       *[other] басқа түрдегі мән
    } болуы керек.
invalid-value = «{ $field }» өрісінің мәні { $expected ->
        [whole-number] рұқсат етілген ауқымдағы бүтін сан
        [number] рұқсат етілген ауқымдағы сан
       *[other] рұқсат етілген мән
    } болуы керек.
unknown-field = Бұл сұрауда «{ $field }» өрісі жоқ.
invalid-choice = «{ $field }» өрісінің мәні мыналардың бірі болуы керек: { $allowed }.
json-syntax = Сұраудың денесі дұрыс JSON емес ({ NUMBER($line, useGrouping: "false") }-жол, { NUMBER($column, useGrouping: "false") }-позиция).
field-too-long = { NUMBER($max) } таңбадан аспауы керек.
field-error-with-label = { $field }: { $message }
code-format = ӘАОЖ коды дәл 9 цифрдан тұрады.
code-taken = Мұндай коды бар аумақ тізілімде бар.
parent-missing = Мұндай коды бар жоғары тұрған аумақ тізілімде жоқ.
parent-kind-invalid =
    { $kind ->
        [region] Облыс
        [republican_city] Республикалық маңызы бар қала
        [district] Аудан
        [regional_city] Облыстық маңызы бар қала
        [rural_okrug] Ауылдық округ
        [village] Ауыл
        [settlement] Кент
        [district_city] Аудандық маңызы бар қала
       *[other] «{ $kind }»
    } { $parent_kind ->
        [none] жоғарғы деңгейде бола алмайды: жоғары тұрған аумақты көрсетіңіз.
        [region] облыстың құрамына кіре алмайды.
        [republican_city] республикалық маңызы бар қаланың құрамына кіре алмайды.
        [district] ауданның құрамына кіре алмайды.
        [regional_city] облыстық маңызы бар қаланың құрамына кіре алмайды.
        [rural_okrug] ауылдық округтің құрамына кіре алмайды.
        [village] ауылдың құрамына кіре алмайды.
        [settlement] кенттің құрамына кіре алмайды.
        [district_city] аудандық маңызы бар қаланың құрамына кіре алмайды.
       *[other] «{ $parent_kind }» құрамына кіре алмайды.
    }
territory-missing = Мұндай коды бар аумақ тізілімде жоқ.
precinct-territory-kind =
    Сайлау учаскесі тікелей { $kind ->
        [region] облысқа
        [republican_city] республикалық маңызы бар қалаға
        [district] ауданға
        [regional_city] облыстық маңызы бар қалаға
        [rural_okrug] ауылдық округке
        [village] ауылға
        [settlement] кентке
        [district_city] аудандық маңызы бар қалаға
       *[other] «{ $kind }» түріне
    } тиесілі бола алмайды: ауданды, қаланы, ауылдық округті, ауылды немесе кентті таңдаңыз.
precinct-number-format = Учаске нөмірі — 1 мен 99 999 аралығындағы бүтін сан.
precinct-number-taken = Бұл облыста мұндай нөмірлі учаске бар.
precinct-missing = Мұндай сайлау учаскесі тізілімде жоқ.
voters-out-of-range = Сайлаушылар саны 0 мен { NUMBER($max) } аралығындағы бүтін сан болуы керек.
party-code-format = Партия коды — 2-ден 32-ге дейін латынның кіші әріптері, цифрлар немесе дефис; дефис басында не соңында тұрмайды.
party-taken = Мұндай коды бар партия тізілімде бар.
party-missing = Мұндай коды бар партия тізілімде жоқ.
branch-taken = Бұл партияның осы аумақта филиалы бар.
person-birth-date-invalid = Туған күні — ЖЖЖЖ-АА-КК пішіміндегі, 1900-01-01 мен бүгінгі күн аралығындағы нақты күн.
person-taken = Бұл адам тізілімде бар.
gender-invalid = Жынысын таңдаңыз: әйел немесе ер.
username-format = Пайдаланушы аты 3–64 таңбадан тұрады: латынның кіші әріптері, цифрлар, нүкте, дефис және астыңғы сызық.
username-taken = Бұл пайдаланушы аты бос емес.
account-missing = Мұндай есептік жазба жоқ.
password-wrong = Бұл сіздің қазіргі құпиясөзіңіз емес.
password-too-short = Құпиясөз кемінде { NUMBER($min) } таңбадан тұруы керек.
role-scope-mismatch = Өкілеттік аясы рөлге сәйкес келмейді: аумақтық комиссияға аумақ керек; учаскелік комиссияға — сайлау учаскелері; партия хатшысына, праймериз ұйымдастыру комитетіне, кілт сақтаушыға және дауыс беру кодтарын беруге уәкілетті тұлғаға — партия; санақ комиссиясына — партия немесе конференция; партия мүшесі мен делегатқа — олардың мүшелігі; кандидатқа — тұлға немесе ештеңе, байқаушыға — аумақ немесе ештеңе; әкімші мен ОСК мүшесі үшін өкілеттік аясы көрсетілмейді.
role-unknown = Белгісіз рөл.
kind-unknown = Аумақтың белгісіз түрі.
number-format = Бүтін сан енгізіңіз.
csv-header-invalid = Файлдың бірінші жолы мына тақырып болуы керек: { $expected }
csv-row-invalid = { NUMBER($line, useGrouping: "false") }-жол: { $reason }
csv-encoding = Файл UTF-8 кодтауында болуы керек.
csv-empty = Файлда деректері бар жолдар жоқ.
file-required = Файлды таңдаңыз.
text-control-chars = Жол ауыстыру, табуляция және басқа басқарушы таңбаларсыз жазыңыз.

## Беттер және жалпы

pager-label = Беттер
pager-previous = Алдыңғы
pager-next = Келесі
pager-position = { NUMBER($pages) } беттің { NUMBER($page) }-беті
common-actions = Әрекеттер
common-total = Барлығы
common-details = Толығырақ
common-none = жоқ
common-back = Артқа

## Беттің төменгі бөлігі

footer-open-source = sailau — бастапқы коды ашық еркін бағдарлама (AGPL-3.0).
footer-source-code = Бастапқы код
footer-verify-ledger = Журналды тексеру
footer-api = API (OpenAPI)

## Веб-беттер: формалар, есептік жазба, әкімшілендіру, журнал дәлелдері

territories-add-top-level = Облыс немесе республикалық маңызы бар қала қосу
territory-subtree-heading = Осы аумақта және оның құрамындағы барлық аумақтарда
territory-no-direct-precincts = Бұл аумаққа тікелей тиесілі учаскелер жоқ; оның құрамындағы аумақтарды қараңыз.
precincts-by-region = Облыстар бойынша сайлау учаскелері
precincts-region-territory = Облыс беті
precinct-edit = Мекенжайды немесе сайлаушылар санын түзету
party-name-en = Ағылшынша толық атауы
branch-territory-hint = Филиал жұмыс істейтін аумақтың ӘАОЖ коды (облыс, аудан немесе қала).
form-import-submit = Импорттау
form-import-nothing-imported = Ештеңе импортталған жоқ. Осы жолдарды түзетіп, файлды қайта жүктеңіз.
csv-more-errors = … және қатесі бар тағы { NUMBER($count) } жол.
csv-unreadable = Файлды оқу мүмкін болмады: { $reason }
ledger-actor-operator = оператор (командалық жол)
ledger-signature-valid = Қолтаңба дұрыс
ledger-signature-invalid = Қолтаңба тексеруден өтпеді
ledger-proof-invalid = Дәлел ағаштың қол қойылған төбесімен сәйкес келмейді.
ledger-entry-payload-hint = Хеші жапырақ хеші болып табылатын байттар дәл осылар (RFC 9162: 0x00 байты мен одан кейінгі осы байттардың SHA-256 хеші).
ledger-audit-path-empty = Ағашта бір ғана жазба бар: жол бос, ал жапырақ хеші түбірдің өзі.
ledger-consistency-heading = Осы жазбадан кейінгі ағаштың үйлесімділігі
ledger-consistency-intro = Осы жазба қосылған сәттегі өлшемі { NUMBER($from, useGrouping: "false") } ағаш қазіргі өлшемі { NUMBER($to, useGrouping: "false") } ағаштың басы екенінің дәлелі: содан бері бұрынғы жазбалардың бірде-бірі өзгертілмеген және жойылмаған.
ledger-root-at = Өлшемі { NUMBER($size, useGrouping: "false") } ағаштың түбірі
ledger-api-head = Ағаштың қол қойылған төбесі
ledger-api-entries = start-тан end-ке дейінгі жазбалар (1000-нан аспайды)
ledger-api-inclusion = Бір жазбаның енгізілу дәлелі
ledger-api-consistency = Ағаштың екі өлшемі арасындағы үйлесімділік дәлелі
account-display-name = Толық аты-жөні
account-change-password = Құпиясөзді ауыстыру
account-change-password-intro = Құпиясөз ауыстырылғаннан кейін барлық сеанстарыңыз аяқталады; жаңа құпиясөзбен қайта кіріңіз.
account-current-password = Қазіргі құпиясөз
account-new-password = Жаңа құпиясөз
account-confirm-password = Жаңа құпиясөзді қайталаңыз
account-password-hint = Кемінде { NUMBER($min) } таңба; ұзын сөз тіркесі ең жақсысы.
account-password-changed = Құпиясөз ауыстырылды. Жаңа құпиясөзбен кіріңіз.
password-mismatch = Құпиясөздер сәйкес келмейді.
admin-username-hint = 3-тен 64-ке дейін таңба: латынның кіші әріптері, цифрлар, нүкте, дефис және астын сызу.
admin-password-hint = Сенімді құпиясөзді автоматты түрде жасау үшін бос қалдырыңыз; ол пайдаланушы құрылғаннан кейін бір рет көрсетіледі.
admin-change-role = Рөлді өзгерту
admin-change-refused = { $username } пайдаланушысының рөлі өзгертілмеді
admin-deactivate = Өшіру
admin-reactivate = Іске қосу

## issue 7
last-administrator = Бұл — соңғы белсенді әкімші: оны өшіруге немесе басқа рөлге ауыстыруға болмайды, әйтпесе есептік жазбаларды басқаратын ешкім қалмайды. Алдымен басқа есептік жазбаны әкімші етіп тағайындаңыз.

## issue 9

# Өкілеттік бойынша бас тарту. $action — action-… кілттерінен («… құқығы»).
denied-anonymous = Мұны істеу үшін жүйеге кіріңіз.
denied-role = «{ $role }» рөлінің { $action } құқығы жоқ.
denied-scope = Бұл есептік жазбаның { $action } құқығы тек өз өкілеттік аясында ғана бар, ал бұл әрекет одан тыс.
action-create-territory = аумақ қосу
action-rename-territory = аумақтың атауын өзгерту
action-create-precinct = сайлау учаскесін қосу
action-update-precinct = сайлау учаскесін өзгерту
action-create-party = партия қосу
action-update-party = партия деректерін өзгерту
action-create-branch = партия филиалын қосу
action-register-person = тұлғаны тіркеу
action-create-account = есептік жазба құру
action-change-account-role = есептік жазбаның рөлін өзгерту
action-set-account-active = есептік жазбаны іске қосу немесе бұғаттау
action-change-password = құпиясөзді ауыстыру
app-not-found = Тізілімде мұндай жазба жоқ.
app-batch-item = { NUMBER($number, useGrouping: "false") }-жазба: { $reason }
csv-row-refused = жол қабылданбады.
csv-unreadable-file = Файлды оқу мүмкін болмады: бұл UTF-8 кодтауындағы CSV та, Excel кітабы (.xlsx) да емес.

# Журнал сөзбен. $actor — пайдаланушы аты немесе «оператор (командалық жол)».
ledger-what = Не болды
ledger-json = канондық жазба (JSON)
ledger-numbering = Жазбалар API-дегідей (/api/ledger/entries) және жазбаның өзіндегі index өрісіндегідей 0-ден бастап нөмірленеді.
ledger-verify-cli-hint = COPY.db — дерекқор көшірмесінің жолы; жоғарыдағы кілт — осы сервердің ашық кілті. Демонстрациялық сервердің дерекқорына арналған команданы sailau serve --demo іске қосылғанда басып шығарады.
ledger-unknown-territory = ӘАОЖ коды { $code } болатын аумақ
ledger-precinct = № { NUMBER($number, useGrouping: "false") } ({ $region })
ledger-did-create-territory = { $actor } жаңа аумақ қосты: «{ $name }» ({ $kind }, ӘАОЖ коды { $code }).
ledger-did-rename-territory = { $actor } ӘАОЖ коды { $code } болатын аумақтың атауын «{ $name }» деп өзгертті.
ledger-did-create-precinct = { $actor } № { NUMBER($number, useGrouping: "false") } сайлау учаскесін қосты — { $territory }, тізімдегі сайлаушылар: { NUMBER($voters) }.
ledger-did-update-precinct = { $actor } { $precinct } сайлау учаскесінің деректерін өзгертті: мекенжайы «{ $address }», тізімдегі сайлаушылар: { NUMBER($voters) }.
ledger-did-create-party = { $actor } жаңа партия қосты: «{ $name }».
ledger-did-update-party = { $actor } «{ $name }» партиясының деректерін өзгертті.
ledger-did-create-branch = { $actor } «{ $party }» партиясының филиалын қосты — { $territory }.
ledger-did-register-person = { $actor } тұлғаны тіркеді: { $name }.
ledger-did-create-account = { $actor } { $username } есептік жазбасын құрды, рөлі: «{ $role }» (өкілеттік аясы: { $scope }).
ledger-did-change-account-role = { $actor } { $username } есептік жазбасына «{ $role }» рөлін берді (өкілеттік аясы: { $scope }).
ledger-did-set-account-active =
    { $actor } { $username } есептік жазбасын { $active ->
        [yes] іске қосты
       *[no] бұғаттады
    }.
ledger-did-change-password = { $actor } { $username } есептік жазбасының құпиясөзін ауыстырды.

# Жұмыс істеп тұрған нұсқаның бастапқы коды (AGPL).
footer-version = Нұсқасы { $version }, жинақ { $commit }.
source-title = Осы сервердің бастапқы коды
source-intro = sailau — GNU AGPL-3.0 немесе одан кейінгі нұсқа лицензиясымен таралатын еркін бағдарлама. Оны желі арқылы басқаларға ұсынатын адам оларға серверде дәл жұмыс істеп тұрған нұсқаның бастапқы кодын ұсынуға міндетті. Міне, сол нұсқа.
source-version = Нұсқасы
source-commit = Коммит (жинақ)
source-commit-unknown = белгісіз: бағдарлама git репозиторийінен жиналмаған
source-download = Осы нұсқаның бастапқы коды:
source-ask-operator = Осы сервердің операторы бастапқы кодты жүктеп алу мекенжайын көрсетпеген (--source-url параметрі). Осы нұсқаның бастапқы кодын оператордан сұраңыз: ол оны беруге міндетті.
source-checkout = sailau репозиторийінің көшірмесінде бұл нұсқа мына командамен алынады:
ledger-territory-in-region = { $territory } ({ $region })
form-import-precincts = Сайлау учаскелерін импорттау (CSV немесе Excel)
form-import-precincts-hint = Тек сайлау учаскелері: UTF-8 кодтауындағы CSV файлы немесе Excel кітабы (.xlsx, бірінші парағы оқылады), көлемі 8 МБ-тан аспауы керек. Бірінші жол — тақырып: { $header }. Әр жолдың аумағы ӘАОЖ кодымен көрсетіледі және сіздің өкілеттік аяңызға кіруі керек.

## issue 6
text-invisible-chars = Көрінбейтін таңбаларсыз (нөлдік ені бар бос орындар, мәтін бағытының белгілері).
text-char-not-allowed = «{ $character }» таңбасына мұнда рұқсат етілмейді.
text-mixed-script = «{ $word }» сөзінде әліпбилер араласқан: кириллицаға ұқсас латын әріптері немесе керісінше.
number-not-whole = Бөлшек бөлігі жоқ бүтін сан қажет.
number-negative = Сан теріс бола алмайды.
number-too-large = Сан тым үлкен.
code-parent-mismatch =
    { NUMBER($digits) ->
        [0] Облыстың немесе республикалық маңызы бар қаланың ӘАОЖ коды: екі цифр (00 емес), одан кейін нөлдер.
       *[other] ӘАОЖ коды жоғары тұрған аумақтың цифрларынан ({ $prefix }) басталып, одан кейін өз цифрлары (бәрі нөл емес), содан соң нөлдер болуы керек.
    }
party-name-taken = Бұл атау тіркелген «{ $name }» партиясының атауымен бірдей оқылады.
cell-type =
    { $cell } ұяшығында { $found ->
        [date] күн
        [boolean] логикалық мән
        [error] қате
       *[other] басқа түрдегі мән
    } тұр, ал { $expected ->
        [whole-number] бүтін сан
        [code] код
       *[other] мәтін
    } қажет.
import-wrong-file =
    Бұл — { $kind ->
        [territories] аумақтар
        [precincts] сайлау учаскелері
        [parties] партиялар
       *[other] басқа түрдегі
    } файлы: мұнда басқа файл қажет.
import-row-width = Жолдағы ұяшықтар саны: { NUMBER($cells) }, тақырыптағы бағандар саны: { $expected }. Тырнақша жабылмаған немесе мәнде бөлгіш тұр болуы мүмкін.
import-encoding = Мәтін { $encoding } кодтамасында оқылмайды.
import-read-as = Файл { $encoding } кодтамасында оқылды.
import-lost-letters = «{ $text }»: сөздердің ішінде «?» белгілері бар. Windows-1251 форматында сақтағанда қазақ әріптері жоғалған болуы мүмкін; файлды «CSV UTF-8» ретінде сақтаңыз.
import-too-many-rows = Файлда { NUMBER($max) } жолдан көп — бұл бір импорттың шегі.
import-utf16-no-bom = Файл байт реті белгісі жоқ UTF-16 кодтамасында. Оны «CSV UTF-8» ретінде сақтаңыз.
import-unreadable-workbook = XLSX кітабын оқу мүмкін болмады: { $reason }
import-too-large = Файл { NUMBER($max) } МБ-тан үлкен — бұл жүктеу шегі. Ештеңе импортталған жоқ.
file-empty = Файл бос.

## issue 10 (merge): refusals of reads, as actions
action-read-accounts = есептік жазбалар тізімін қарау
action-read-account = осы есептік жазбаны қарау
action-read-persons = тізілімдегі тұлғаларды қарау

## i10-rest
import-workbook-too-large = Кітап мәтіні ашылғанда { NUMBER($max) } МБ-тан асады — бұл бір импорттың шегі: файлды бөліңіз немесе CSV ретінде сақтаңыз.
## i11-print
print-ballot-born = { $year } жылы туған
print-ballot-instructions = Тек бір кандидат туралы мәліметтердің оң жағындағы немесе «{ $against }» жолындағы бос шаршыға кез келген белгі қойыңыз. Белгі бірнеше шаршыға қойылған немесе бірде-бір шаршыға қойылмаған бюллетень жарамсыз деп есептеледі.
print-ballot-changed = Бюллетень дайындалғаннан кейін өзгертілді: кандидатты тіркеу жойылды.
print-ballot-member = Учаскелік сайлау комиссиясының мүшесі
print-ballot-seal = Учаскелік сайлау комиссиясының М. О.
print-protocol-title = ХАТТАМА
print-protocol-subject = кандидатты қолдап жиналған сайлаушылар қолдарын тексеру туралы
print-protocol-election = Сайлау
print-protocol-candidate = Кандидат
print-protocol-unit = Әкімшілік-аумақтық бірлік
print-protocol-date = Күні
print-protocol-item = Көрсеткіш
print-protocol-count = Саны
print-protocol-sheets = Ұсынылған қол қою парақтары
print-protocol-lines = Қол қою парақтарындағы қолдар
print-protocol-valid = Дұрыс қолдар (әр сайлаушы бір рет есептелді)
print-protocol-invalid = Дұрыс емес және жарамсыз қолдар, барлығы
print-protocol-of-which = оның ішінде:
print-protocol-threshold = Қажетті қолдар саны
print-protocol-verdict = Қорытынды
print-protocol-sufficient = кандидатты тіркеу үшін қолдар жеткілікті
print-protocol-insufficient = кандидатты тіркеу үшін қолдар жеткіліксіз
print-protocol-chair = Комиссия төрағасы
print-protocol-secretary = Комиссия хатшысы
print-protocol-member = Комиссия мүшесі
print-unprintable-title = Бюллетеньді басып шығару мүмкін емес
print-unprintable-body = Кандидаттар туралы мәліметтерде баспа қарпінде жоқ таңба бар. Мәліметтерді түзетіп, бюллетеньді қайта басып шығарыңыз.
print-unprintable-character = Таңба: «{ $character }».

## i11-core
person-missing = Тізілімде мұндай сәйкестендіргіші бар тұлға жоқ.
election-window-not-open = «{ $window ->
        [call] сайлауды тағайындау
        [nomination] кандидаттарды ұсыну
        [signatures] қолдарды жинау
        [registration] кандидаттарды тіркеу
        [higher_akim_proposal] жоғары тұрған әкімнің кандидат ұсынуы
        [higher_akim_registration] жоғары тұрған әкім ұсынған кандидаттарды тіркеу
        [withdrawal] кандидатураны алып тастау
        [campaign] сайлауалды үгіт
        [ballots] бюллетеньдерді дайындау
        [voting] дауыс беру
       *[other] сайлау кезеңі
    }» кезеңі жергілікті уақыт бойынша { $date } сағат { $time }-да басталады.
election-window-closed = «{ $window ->
        [call] сайлауды тағайындау
        [nomination] кандидаттарды ұсыну
        [signatures] қолдарды жинау
        [registration] кандидаттарды тіркеу
        [higher_akim_proposal] жоғары тұрған әкімнің кандидат ұсынуы
        [higher_akim_registration] жоғары тұрған әкім ұсынған кандидаттарды тіркеу
        [withdrawal] кандидатураны алып тастау
        [campaign] сайлауалды үгіт
        [ballots] бюллетеньдерді дайындау
        [voting] дауыс беру
       *[other] сайлау кезеңі
    }» кезеңі жергілікті уақыт бойынша { $date } сағат { $time }-да аяқталды.
election-calendar-invalid = Сайлау күнтізбесін есептеу мүмкін болмады: уақыт белдеуінің деректері немесе күні рұқсат етілген аралықтан тыс.
election-rule-set-invalid = { $problem ->
        [syntax] Ережелер жиынтығы: мәтін TOML ретінде оқылмайды ({ NUMBER($line, useGrouping: "false") }-жол).
       *[other] Ережелер жиынтығы, «{ $key }» кілті: { $problem ->
            [unknown] ережелер жиынтығында мұндай кілт жоқ
            [missing] кілт міндетті, бірақ көрсетілмеген
            [type] мәннің түрі басқа
            [time] СС:ММ түріндегі 00:00-ден 24:00-ге дейінгі жергілікті уақыт керек
            [order] мерзімдер дұрыс ретпен емес
            [empty] мән бос болмауы керек
            [choice] мән рұқсат етілгендердің қатарында жоқ
            [year] жыл керек, мысалы 2023
            [key-format] кілт — кіші латын әріптері, цифрлар және астын сызу белгісі
           *[other] мән рұқсат етілген аралықтан тыс
        }.
    }
election-rule-set-digest = Көрсетілген SHA-256 бақылау сомасы ережелер жиынтығының мәтініне сәйкес келмейді.
election-rule-set-level = Ережелер жиынтығы басқа деңгейдегі сайлауға арналған ({ $level ->
        [district] аудандар мен облыстық маңызы бар қалалардың әкімдері
        [rural] ауылдық әкімдер
       *[other] басқа деңгей
    }).
election-taken = Мұндай сәйкестендіргіші бар сайлау тағайындалған.
election-missing = Мұндай сайлау жоқ.
election-contest-taken = Сайлау округінің сәйкестендіргіші бос емес.
election-contest-missing = Мұндай сайлау округі жоқ.
election-unit-twice = { $unit } аумағы екі рет көрсетілген.
election-unit-level = { $unit } аумағында мұндай деңгейдегі әкім сайланбайды ({ $level ->
        [district] аудан немесе облыстық маңызы бар қала
       *[other] ауылдық округ, ауыл, кент немесе аудандық маңызы бар қала
    }).
election-unit-outside = { $unit } аумағы тағайындаушы комиссияның аумағынан тыс.
election-unit-busy = { $unit } аумағында осы күнге сайлау тағайындалған.
election-day-past = Сайлау күні бүгінгі күннен кейін болуы керек.
election-too-few-candidates = Тіркелген кандидаттар: { NUMBER($registered) }, ал кемінде { NUMBER($min) } қажет.
election-enough-candidates = { NUMBER($registered) } кандидат тіркелген (ең азы { NUMBER($min) }): жоғары тұрған әкімнің ұсынысы қажет емес.
election-nomination-taken = Мұндай сәйкестендіргіші бар ұсыну бар.
election-nomination-missing = Мұндай ұсыну жоқ.
election-route-closed = Ережелер жиынтығында ұсынудың бұл тәсілі қарастырылмаған: { $route ->
        [party] саяси партияның ұсынуы
        [self_nominated] өзін-өзі ұсыну
        [higher_akim_proposal] жоғары тұрған әкімнің ұсынысы
       *[other] { $route }
    }.
election-person-mismatch = Тізілімде бұл тұлға басқа деректермен жазылған.
election-person-stands = Бұл тұлға осы округте ұсынылған.
election-qualification-unknown = «{ $qualification ->
        [citizenship] Қазақстан Республикасының азаматтығы
        [legal_capacity] әрекетке қабілеттілік
        [higher_education] жоғары білім
        [civil_service_qualification] мемлекеттік қызметке қойылатын біліктілік талаптары
       *[other] { $qualification }
    }» ережелер жиынтығының талаптар тізбесінде жоқ.
election-qualification-missing = Кандидат талапты растамаған: { $qualification ->
        [citizenship] Қазақстан Республикасының азаматтығы
        [legal_capacity] әрекетке қабілеттілік
        [higher_education] жоғары білім
        [civil_service_qualification] мемлекеттік қызметке қойылатын біліктілік талаптары
       *[other] { $qualification }
    }.
election-too-young = Сайлау күні { $election_day } кандидат кемінде { NUMBER($min) } жаста болуы керек; ол { NUMBER($age) } жаста болады.
election-party-nominee-taken = Партия осы округте кандидат ұсынып қойған: партия бір округке бір кандидаттан артық ұсынбайды.
election-membership-missing = Партия тек өз мүшелерін ұсынады: партия мүшелігі туралы құжатты көрсетіңіз.
election-incumbent-taken = Бұл округте қазіргі әкім деп белгіленген кандидат ұсынылып қойған: әкім біреу, сондықтан мұндай белгіні тек бір ұсынылған немесе тіркелген кандидатура ғана ала алады.
election-date-future = Күн бүгінгі күннен кейін бола алмайды.
election-nomination-status = Бұл ұсыну бойынша шешім қабылданған (мәртебесі: { $state ->
        [nominated] ұсынылды, шешім күтуде
        [registered] тіркелді
        [refused] тіркеуден бас тартылды
        [cancelled] тіркеу күшін жойды
       *[other] { $state }
    }).
election-document-unknown = «{ $document ->
        [application] кандидаттың өтініші
        [deposit_receipt] сайлау жарнасын енгізу туралы құжат
        [qualification_documents] біліктілік талаптарына сәйкестігі туралы құжаттар
        [asset_declaration_certificate] декларацияларды тапсыру туралы мемлекеттік кірістер органының анықтамасы
        [party_decision] партияның ұсыну туралы шешімі
        [signature_protocol] қолдарды тексеру хаттамасы
        [higher_akim_proposal] жоғары тұрған әкімнің ұсынысы
       *[other] { $document }
    }» ұсынудың бұл тәсіліне арналған құжаттар тізбесінде жоқ.
election-document-missing = Құжат жоқ: { $document ->
        [application] кандидаттың өтініші
        [deposit_receipt] сайлау жарнасын енгізу туралы құжат
        [qualification_documents] біліктілік талаптарына сәйкестігі туралы құжаттар
        [asset_declaration_certificate] декларацияларды тапсыру туралы мемлекеттік кірістер органының анықтамасы
        [party_decision] партияның ұсыну туралы шешімі
        [signature_protocol] қолдарды тексеру хаттамасы
        [higher_akim_proposal] жоғары тұрған әкімнің ұсынысы
       *[other] { $document }
    }.
election-attachment-too-large = Файл { NUMBER($size) } байт, ал { NUMBER($max) } байттан аспайтын файлдар қабылданады.
election-attachment-type = Мазмұны бойынша файл PDF, JPEG немесе PNG құжаты емес.
election-attachment-mismatch = Файл жазылған бақылау сомасына, өлшеміне немесе түріне сәйкес келмейді.
election-deposit-too-low = { NUMBER($amount) } ₸ енгізілді, ал { $year } жылғы сайлау жарнасы — { NUMBER($required) } ₸.
election-deposit-wage-unknown = Ережелер жиынтығында { $year } жылғы ең төменгі жалақы жоқ.
election-deposit-missing = Сайлау жарнасы енгізілмеген.
election-signatures-missing = Қол қою парақтары тексерілмеген.
election-signatures-too-few = Сенімді қолдар: { NUMBER($valid) }, ал { NUMBER($required) } қажет.
election-ground-unknown = Ережелер жиынтығында бас тартудың мұндай негізі жоқ.
election-recall-not-party = Тек партия ұсынған кандидатты кері шақыруға болады.
action-call-election = сайлауды тағайындау
action-nominate-by-party = партия атынан кандидат ұсыну
action-apply-self-nomination = өзін-өзі ұсыну туралы өтініш беру
action-propose-by-higher-akim = жоғары тұрған әкім атынан кандидат ұсыну
action-attach-document = кандидаттың құжатын тіркеу
action-tick-document = кандидат құжаттарын белгілеу
action-record-deposit = сайлау жарнасын жазу
action-register-candidate = кандидатты тіркеу
action-refuse-registration = кандидатты тіркеуден бас тарту
action-cancel-registration = кандидатты тіркеудің күшін жою
action-produce-ballots = бюллетеньдерді дайындау
action-read-workbench = комиссия шешімін күтетін өтініштерді қарау
action-read-attachments = кандидаттардың құжаттарын қарау
scope-person = Кандидат: { $person }
ledger-did-call-election = { $actor } «{ $name }» сайлауын { $day } күнге тағайындады: округтер — { NUMBER($units) }.
ledger-did-nominate-by-party = { $actor } { $party } партиясынан { $name } кандидатын ұсынды.
ledger-did-apply-self-nomination = { $actor } өзін-өзі ұсыну туралы өтініш берді: { $name }.
ledger-did-propose-by-higher-akim = { $actor } жоғары тұрған әкімнің ұсынысын енгізді: { $name }.
ledger-did-attach-document = { $actor } { $nomination } ұсынуына «{ $document ->
        [application] кандидаттың өтініші
        [deposit_receipt] сайлау жарнасын енгізу туралы құжат
        [qualification_documents] біліктілік талаптарына сәйкестігі туралы құжаттар
        [asset_declaration_certificate] декларацияларды тапсыру туралы мемлекеттік кірістер органының анықтамасы
        [party_decision] партияның ұсыну туралы шешімі
        [signature_protocol] қолдарды тексеру хаттамасы
        [higher_akim_proposal] жоғары тұрған әкімнің ұсынысы
       *[other] { $document }
    }» құжатын тіркеді.
ledger-did-tick-document = { $actor } { $nomination } ұсынуының «{ $document ->
        [application] кандидаттың өтініші
        [deposit_receipt] сайлау жарнасын енгізу туралы құжат
        [qualification_documents] біліктілік талаптарына сәйкестігі туралы құжаттар
        [asset_declaration_certificate] декларацияларды тапсыру туралы мемлекеттік кірістер органының анықтамасы
        [party_decision] партияның ұсыну туралы шешімі
        [signature_protocol] қолдарды тексеру хаттамасы
        [higher_akim_proposal] жоғары тұрған әкімнің ұсынысы
       *[other] { $document }
    }» құжатын { $present ->
        [yes] ұсынылған деп белгіледі
       *[no] белгіден алып тастады
    }.
ledger-did-record-deposit = { $actor } { $nomination } ұсынуы бойынша { NUMBER($amount) } ₸ сайлау жарнасын жазды.
ledger-did-register-candidate = { $actor } { $nomination } ұсынуы бойынша кандидатты тіркеді.
ledger-did-refuse-registration = { $actor } { $nomination } ұсынуы бойынша тіркеуден бас тартты: { $ground ->
        [qualification_requirements] біліктілік талаптарына сәйкес келмеуі
        [age] сайлау күнгі жасы
        [documents_incomplete] құжаттардың толық болмауы
        [signatures_insufficient] қолдардың жеткіліксіздігі
        [deposit_not_paid] сайлау жарнасының енгізілмеуі
        [disqualification] заңда белгіленген шектеулер
       *[other] { $ground }
    }.
ledger-did-cancel-registration = { $actor } { $nomination } ұсынуы бойынша тіркеудің күшін жойды ({ $reason ->
        [recalled] партияның кері шақыруы
       *[withdrawn] кандидаттың өтініші бойынша
    }).
ledger-did-produce-ballots = { $actor } { $contest } округінің бюллетеньдері дайындалғанын белгіледі.
## i11-sign
number-out-of-range = { NUMBER($min) } мен { NUMBER($max) } аралығындағы бүтін сан қажет.
date-format = Күн КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазылады (және нақты күн болуы керек).
signature-line-repeated = { NUMBER($sheet) }-парақ, { NUMBER($line) }-жол екі рет көрсетілген.
signature-retention = Қол қойған адамдардың деректерін { $date } бастап қана жоюға болады.
signatures-not-self-nominated = Қол қою парақтарын тек өзін-өзі ұсынған кандидаттар тапсырады.
signature-facts-changed = Қол қою парақтары тексерілген кезде аумақ немесе қол жинау мерзімі өзгерді. Парақтарды қайта тексеріңіз.
signature-sheet = Парақ
signature-line = Жол
signature-surname = Тегі
signature-given-name = Аты
signature-patronymic = Әкесінің аты
signature-iin = ЖСН
signature-address = Тұрғылықты мекенжайы
signature-territory = Тұрғылықты жерінің ӘАОЖ коды
signature-signed-on = Қол қойылған күні
signature-ground-iin-malformed = ЖСН қате көрсетілген
signature-ground-iin-check-digit = ЖСН-нің бақылау разряды сәйкес келмейді
signature-ground-under-age = қол қойған адам қол қойған күні 18 жасқа толмаған
signature-ground-outside-unit = қол қойған адам аумақтан тыс тұрады
signature-ground-outside-window = қол қол жинау мерзімінен тыс қойылған
signature-ground-duplicate = сол адамның қайталанған қолы
signature-import-wrong-file = Бұл қол қою парағы емес: { $expected } бағандары қажет.
action-record-signature-sheets = қол қою парақтарын қабылдау
action-erase-signature-data = қол қойған адамдардың деректерін жою
ledger-did-record-signature-sheets = { $actor } { $nomination } ұсынуы бойынша қол қою парақтарын қабылдады: { NUMBER($lines) } жол, { NUMBER($required) } қажет болғанда { NUMBER($valid) } жарамды қол.
ledger-did-erase-signature-data = { $actor } { $nomination } ұсынуы бойынша қол қойған адамдардың деректерін жойды.
## i13-party
party-card-number-format = Партия билетінің нөмірі — 1-ден 32-ге дейін әріп, цифр немесе дефис.
party-card-number-taken = Партияда бұл билет нөмірі бар мүше бұрыннан бар.
party-member-taken = Мұндай партия мүшесінің сәйкестендіргіші бос емес.
party-commitment-mismatch = Партия мүшесі туралы жазба журналдағы ізімен сәйкес келмейді.
party-joined-on-invalid = Партияға кірген күн бүгіннен кеш емес және туған күннен 14 жыл өткеннен ерте емес нақты күн болуы керек.
party-member-missing = Партияда бұл билет нөмірі бар мүше жоқ.
party-member-erased = Бұл партия мүшесінің дербес деректері жойылған.
party-member-joined-after = Партия мүшесі партияға { $date } кейін кірген.
party-member-not-person = Партия мүшесінің тегі, аты және туған күні бұл тұлғаның деректерімен сәйкес келмейді.
party-branch-missing = Партияның бұл аумақта филиалы жоқ.
party-numbering-locked = Бұл филиалдың конференциялары sailau-да нөмірленіп жатыр; бұрынғы соңғы конференцияның нөмірін өзгертуге болмайды.
party-ordinal-not-next = Филиалдың келесі конференциясы — { $expected }-конференция.
party-ordinal-range = Конференция нөмірі — 1-ден 3999-ға дейін.
party-conference-missing = Мұндай конференция жоқ.
party-conference-taken = Мұндай конференция сәйкестендіргіші бос емес.
party-agenda-empty = Күн тәртібінде кемінде бір мәселе болуы керек.
party-mandate-taken = Бұл нөмірлі мандат басқа делегатқа берілген.
party-mandate-range = Мандат нөмірі — 1-ден 99 999-ға дейін.
party-delegate-twice = Бұл партия мүшесі конференция делегаттарының тізімінде бұрыннан бар.
party-delegate-elsewhere = Бұл партия мүшесі сол күні өтетін партияның басқа конференциясы делегаттарының тізімінде бар: делегат тек бір конференцияның тізімінде болады.
party-mandate-missing = № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегат жоқ.
party-checked-in-twice = № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегат тіркеліп қойған.
party-not-checked-in = № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегат тіркелмеген, дауыс бере алмайды.
party-voted-twice = № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегат атаулы дауыс беруде екі рет көрсетілген.
party-roster-closed = Дауыс беру басталғаннан кейін делегаттарды қосуға болмайды.
party-presidium-first = Алдымен төраға, хатшы және санақ комиссиясы сайланады.
party-motion-still-open = Басқа мәселе бойынша дауыс беру әлі аяқталған жоқ.
party-motion-missing = Мұндай мәселе жоқ.
party-motion-taken = Мұндай мәселе сәйкестендіргіші бос емес.
party-not-adopted = Мәселе бойынша ұсыну туралы шешім қабылданған жоқ: комиссияға беретін ештеңе жоқ.
party-motion-decided = Бұл мәселе бойынша шешім қабылданған.
party-round-not-next = Қазір { $expected }-кезең өткізіледі.
party-no-quorum = Кворум жоқ: қатысып отырған делегаттар — { NUMBER($attending) }, кемінде { NUMBER($needed) } қажет. Шешім қабылдауға болмайды.
party-counts-above-present = Дауыстар қатысып отырған делегаттардан ({ NUMBER($attending) }) көп.
party-tally-shape = Қорытынды мәселеге сәйкес емес: кандидатуралар саны — { $expected }.
party-tally-mode = Дауыс берудің бұл тәсіліне басқа қорытынды керек (ашық және жасырын дауыс беруде — дауыстар саны, атаулы дауыс беруде — әр делегаттың дауысы).
party-unit-outside-branch = Филиал аумағында мұндай әкімшілік бірлік жоқ.
party-unit-nominated = Партия бұл бірлік бойынша кандидатты ұсынып қойған: { $name }.
party-contender-twice = Бір партия мүшесі екі рет көрсетілген.
party-contenders-required = Кемінде бір кандидатураны көрсетіңіз.
party-nominee-not-member = Кандидат партия мүшесі емес.
party-out-of-order = Рет бұзылды: алдымен төменгі конференциялар өтеді (немесе делегаттар сайланады).
action-record-member = партия мүшесін енгізу
action-erase-member-data = партия мүшесінің дербес деректерін жою
action-set-conference-count = филиалдың соңғы конференциясының нөмірін белгілеу
action-convene-conference = конференция шақыру
action-seat-delegate = делегатты тізімге енгізу
action-check-in = делегатты тіркеу
action-open-motion = мәселені дауысқа қою
action-record-vote = дауыс беру қорытындысын жазу
ledger-did-record-member = { $actor } «{ $party }» партиясының мүшесін енгізді — { $territory } (дербес деректер журналдан тыс).
ledger-did-erase-member-data = { $actor } партия мүшесінің дербес деректерін жойды.
ledger-did-set-conference-count = { $actor } «{ $party }» партиясы филиалының соңғы конференциясының нөмірін көрсетті — { $territory }: { NUMBER($round, useGrouping: "false") }.
ledger-did-convene-conference = { $actor } «{ $party }» партиясы филиалының { $ordinal } конференциясын шақырды — { $territory }.
ledger-did-seat-delegate = { $actor } № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегатты конференция делегаттарының тізіміне енгізді.
ledger-did-check-in = { $actor } № { NUMBER($mandate, useGrouping: "false") } мандаты бар делегатты тіркеді.
ledger-did-open-motion = { $actor } мәселені конференцияның дауысына қойды.
ledger-did-record-vote = { $actor } дауыс беру қорытындысын жазды ({ NUMBER($round, useGrouping: "false") }-кезең).
party-minutes-title = ХАТТАМА
party-minutes-of = «{ $party }» партиясы филиалының { $ordinal } { $kind } конференциясы — { $branch }
party-minutes-extraordinary = кезектен тыс
party-minutes-regular = кезекті
party-minutes-elected = Сайланған делегаттар
party-minutes-present = Қатысып отырған делегаттар
party-minutes-quorum = Кворумға қажет
party-minutes-agenda = Күн тәртібі
party-minutes-presidium = Конференция төрағасын, хатшысын және санақ комиссиясын сайлау туралы
party-minutes-nominate = Әкім лауазымына кандидат ұсыну туралы
party-minutes-elect-delegates = Жоғары тұрған конференцияға делегаттар сайлау туралы
party-minutes-round = Кезең
party-minutes-present-short = Қатысты
party-minutes-for = Жақтап
party-minutes-against = Қарсы
party-minutes-abstain = Қалыс қалды
party-minutes-decision = Шешім
party-minutes-adopted = Қабылданды
party-minutes-not-adopted = Қабылданбады
party-minutes-tie = Қабылданбады (дауыстар тең)
party-minutes-second-round = Екінші кезең
party-minutes-nominee = Кандидат ұсынылды: { $name }.
party-minutes-chair = Конференция төрағасы
party-minutes-secretary = Конференция хатшысы


## i11-web
nav-elections = Сайлау
el-elections-title = Әкімдер сайлауы
el-elections-lead = Тағайындалған сайлау: жергілікті уақыттағы күнтізбе, кандидаттар және бюллетеньдер.
el-elections-none = Сайлау әлі тағайындалған жоқ.
el-election-day = Дауыс беру күні
el-election-level = Деңгейі
el-level-district = аудандар мен облыстық маңызы бар қалалардың әкімдері
el-level-rural = ауылдық округтердің, ауылдардың, кенттердің және аудандық маңызы бар қалалардың әкімдері
el-election-called-on = Сайлау тағайындалды
el-election-called-by = Тағайындаған
el-commission-of = аумақтық сайлау комиссиясы: { $territory }
el-election-ruleset = Сайлау ережелері
el-ruleset-text = ережелер мәтіні (TOML)
el-ruleset-digest = Ережелер мәтінінің SHA-256 таңбасы
el-election-contests = Әкімшілік-аумақтық бірліктер бойынша сайлау
el-election-open-now = Қазір ашық
el-call-election = Сайлауды тағайындау
el-candidates-link = Тіркелген кандидаттар
el-workbench-link = Комиссияның жұмыс орны
el-contest-title = Әкім сайлауы: { $unit }
el-contest-unit = Бірлік
el-contest-voters = Сайлаушылар
el-contest-nominated = Ұсынылды
el-contest-registered = Тіркелді
el-contest-min-warning = Тіркелген кандидаттар саны: { NUMBER($count) }, бұл ең аз саннан ({ NUMBER($min) }) кем. Жоғары тұрған әкім кандидаттар ұсына алады.
el-contest-signatures-needed = Өзін-өзі ұсыну үшін сайлаушылардың кемінде { NUMBER($count) } қолы қажет ({ NUMBER($voters) } сайлаушының { NUMBER($share) } %, жоғары қарай дөңгелектенеді).
el-contest-candidates = Кандидаттар
el-contest-no-candidates = Әзірше кандидаттар жоқ.
el-self-nominate = Өзін-өзі ұсыну туралы өтініш беру
el-party-nominate = Партиядан кандидат ұсыну
el-candidate-name = Тегі, аты, әкесінің аты
el-candidate-nominated-by = Кім ұсынды
el-candidate-status = Мәртебесі
el-candidate-number = Тіркеу №
el-candidate-born = Туған жылы
el-candidate-post = Жұмыс орны және лауазымы
el-candidate-residence = Тұрғылықты жері
el-candidate-incumbent = қазіргі әкім
el-route-self = өзін-өзі ұсыну
el-route-higher-akim = жоғары тұрған әкімнің ұсынысы
el-status-nominated = ұсынылды
el-status-registered = тіркелді
el-status-refused = тіркеуден бас тартылды
el-status-cancelled = тіркеуі жойылды
el-status-registered-number = тіркелді, № { NUMBER($number, useGrouping: "false") }
el-calendar-title = Сайлау күнтізбесі
el-calendar-local-time = Барлық уақыт облыстың жергілікті уақытымен көрсетілген ({ $offset }).
el-calendar-open-now = Қазір ашық:
el-calendar-step = Кезең
el-calendar-dates = Мерзімдері
el-calendar-state = Жағдайы
el-calendar-from = { $when } бастап
el-calendar-to = { $when } дейін
el-calendar-phase-past = аяқталды
el-calendar-phase-open = ашық
el-calendar-phase-upcoming = алда
el-calendar-open-days-left =
    { NUMBER($count) ->
        [0] ашық, соңғы күн
       *[other] ашық, { NUMBER($count) } күн қалды
    }
el-step-call = Сайлауды тағайындау
el-step-nomination = Кандидаттарды ұсыну
el-step-signatures = Өзін-өзі ұсынғандарды қолдайтын қолдарды жинау
el-step-registration = Кандидаттарды тіркеу
el-step-withdrawal = Кандидатураны алып тастау
el-step-campaign = Сайлауалды үгіт
el-step-voting = Дауыс беру
el-candidates-title = Тіркелген кандидаттар
el-candidates-lead = Аумақтық сайлау комиссиялары тіркеген әкімдікке кандидаттар.
el-candidates-none = Тіркелген кандидаттар жоқ.
el-workbench-title = Комиссияның жұмыс орны
el-workbench-lead = Комиссия шешімін күтетін өтініштер және тіркеудің аяқталуына дейін қалған күндер.
el-workbench-none = Шешім күтетін өтініштер жоқ.
el-workbench-days-left =
    { NUMBER($count) ->
        [0] соңғы күн
       *[other] { NUMBER($count) } күн қалды
    }
el-workbench-deadline-passed = мерзімі өтті
el-workbench-missing = Жетіспейді
el-workbench-complete = бәрі ұсынылды
el-workbench-open = Ашу
el-nomination-title = Кандидат: { $name }
el-nomination-missing-title = Тіркеу үшін не жетіспейді
el-nomination-nothing-missing = Тіркеуге қажеттінің бәрі ұсынылды.
el-nomination-documents = Құжаттар
el-document-submitted = ұсынылды
el-document-missing = ұсынылмады
el-nomination-deposit = Сайлау жарнасы
el-deposit-due = Жарна мөлшері: { NUMBER($amount) } теңге.
el-deposit-none = енгізілмеген
el-deposit-paid = { $date } енгізілді, төлем құжаты № { $document }, { NUMBER($amount) } теңге
el-nomination-decision = Партияның шешімі
el-decision-summary = { $date } күнгі № { $document } шешім, { $body }
el-nomination-refusal = Бас тарту негіздемесі
el-nomination-attachments = Қоса берілген файлдар
el-form-tick-documents = Ұсынылған құжаттарды белгілеу
el-form-record-deposit = Жарнаны тіркеу
el-deposit-paid-on = Төлем күні
el-deposit-document = Төлем құжатының нөмірі
el-deposit-amount = Сомасы, теңге
el-form-register = Кандидатты тіркеу
el-form-refuse = Тіркеуден бас тарту
el-refusal-ground = Негіздеме
el-refusal-text = Түсініктеме
el-form-cancel = Тіркеуді жою
el-cancel-reason = Себебі
el-cancel-withdrawn = кандидаттың кандидатурасын алып тастау туралы өтініші
el-cancel-recalled = партияның кері шақыруы
el-form-produce-ballots = Бюллетеньдерді дайындау
el-ballots-produced = Бюллетеньдер дайындалды.
el-ballot-changed = Бюллетеньдер дайындалғаннан кейін кандидаттың тіркеуі жойылды: бюллетеньді өзгерту қажет.
el-self-nominate-title = Өзін-өзі ұсыну туралы өтініш
el-self-nominate-lead = Әкімдікке кандидаттың өзін-өзі ұсыну туралы өтініші. Одан кейін сайлаушылардың қолдарын жинап, сайлау жарнасын енгізіп, құжаттарды ұсыну қажет.
el-party-nominate-title = Партиядан кандидат ұсыну
el-field-contest = Сайлау
el-field-current-post = Жұмыс орны және лауазымы
el-field-current-post-hint = Мысалы: Ойыл ауданының әкімі
el-field-residence = Тұрғылықты жері
el-field-incumbent = Кандидат — қазіргі әкім
el-field-incumbent-hint = Кандидат осы сайлауда сайланатын әкімнің лауазымын қазір атқарса, белгілеңіз
el-field-party = Партия
el-field-decision-number = Шешім нөмірі
el-field-decision-date = Шешім күні
el-field-decision-body = Шешім қабылдаған орган
el-field-decision-body-hint = Мысалы: Ойыл аудандық филиалының L (50-ші) кезектен тыс конференциясы
el-field-decision-file = Шешімнің сканерленген көшірмесі (PDF, JPEG немесе PNG)
el-field-date-hint = ЖЖЖЖ-АА-КК пішімінде
el-call-title = Сайлауды тағайындау
el-call-lead = Аумақтық сайлау комиссиясы өз бірліктерінде әкімдер сайлауын тағайындайды. Күнтізбе ережелер бойынша өңірдің жергілікті уақытымен есептеледі.
el-field-name-ru = Орысша атауы
el-field-name-kk = Қазақша атауы
el-field-name-en = Ағылшынша атауы
el-field-units = Бірліктер (КАТО кодтары үтір арқылы)
el-field-units-hint = Мысалы: 275200000, 276000000
el-field-election-day = Дауыс беру күні
el-field-ruleset = Сайлау ережелері
el-field-level = Деңгейі
el-ballot-title = Сайлау бюллетені
el-ballot-print = Бюллетеннің басып шығаруға арналған беті
el-ballot-pdf = PDF пішіміндегі бюллетень
el-ballot-in-kk = қазақ тілінде
el-ballot-in-ru = орыс тілінде
el-ballot-languages = Бюллетеньдер қазақ және орыс тілдерінде басылады.
el-ballot-print-button = Басып шығару
el-ballot-no-candidates = Бюллетеньде кандидаттар жоқ.
el-signatures-title = Қол қою парақтары
el-signatures-upload = Қол қою парақтарын жүктеу
el-signatures-upload-hint = CSV немесе XLSX; бірінші жол — мына бағандары бар тақырып:
el-signatures-protocol = Қолдарды тексеру хаттамасы
el-signatures-total = Парақтардағы жолдар
el-signatures-valid = Жарамды қолдар
el-signatures-needed = Қажетті қолдар
el-signatures-enough = Қолдар жеткілікті.
el-signatures-not-enough = Қолдар жеткіліксіз.
el-signatures-flagged = Белгіленген жолдар
el-signatures-sheet-line = Парақ, жол
el-signatures-reason = Себебі
el-signatures-none = Қол қою парақтары әлі жүктелген жоқ.
el-step-higher-akim-proposal = Жоғары тұрған әкімнің кандидаттар ұсынуы
el-step-higher-akim-registration = Жоғары тұрған әкім ұсынған кандидаттарды тіркеу
el-step-ballots = Бюллетеньдерді дайындау
el-doc-application = Сайлауға түсуге келісімі туралы өтініш
el-doc-deposit-receipt = Сайлау жарнасын төлегені туралы құжат
el-doc-qualification-documents = Біліктілік талаптарына сәйкестігі туралы құжаттар
el-doc-asset-declaration-certificate = Кандидат пен жұбайының активтер мен міндеттемелер туралы декларацияларын тапсырғаны туралы мемлекеттік кірістер органының анықтамасы
el-doc-party-decision = Партияның ұсыну туралы шешімі
el-doc-signature-protocol = Сайлаушылар қолдарын тексеру хаттамасы
el-doc-higher-akim-proposal = Жоғары тұрған әкімнің ұсынысы
el-doc-other = Басқа құжат
el-contest-below-minimum = кандидаттар ең аз саннан кем
el-qual-citizenship = Қазақстан Республикасының азаматтығы
el-qual-legal-capacity = Әрекет қабілеттілігі
el-qual-civil-service-qualification = Мемлекеттік қызметке қойылатын біліктілік талаптарына сәйкестік
el-qual-other = Сайлау ережелерінің басқа талабы
el-field-qualifications = Талаптарға сәйкестігі туралы мәлімдеме
el-field-membership = Партия мүшелігі туралы құжат
el-field-membership-hint = Партия билетінің немесе партия мүшелері тізілімінен үзіндінің нөмірі мен күні
el-date-invalid = Нақты күнді ЖЖЖЖ-АА-КК пішімінде енгізіңіз.
el-ruleset-unknown = Ережелерді тізімнен таңдаңыз.
el-cancel-reason-unknown = Себебін тізімнен таңдаңыз.
el-file-too-large = Файл { NUMBER($max) } МБ-тан үлкен — бұл жүктеу шегі. Ештеңе сақталмады.
el-size-kb = { NUMBER($size) } КБ
el-cancel-text = Өтініш
el-cancel-text-hint = Кандидат өтінішінің немесе партия шешімінің нөмірі мен күні
el-signatures-place = { NUMBER($sheet) }-парақ, { NUMBER($line) }-жол
el-signatures-first-at = алғашқы қол: { NUMBER($sheet) }-парақ, { NUMBER($line) }-жол

## i11-finish
clock-simulated-banner = Уақыт имитациясы, тек сынақ пен көрсетілім үшін: осы сервердің уақыты { $start } бастап саналады, қазір онда { $now }. Мұндағы әрекеттер нағыз сайлау емес.
clock-simulated-footer = Бұл сервер имитацияланған уақытпен жұмыс істейді: оның беттеріндегі және журналындағы күндер мен уақыт нақты емес.
el-signatures-protocol-pdf = PDF пішіміндегі қолдарды тексеру хаттамасы
el-akim-propose = Жоғары тұрған әкімнің ұсынуын енгізу
el-akim-propose-title = Кандидатты жоғары тұрған әкімнің ұсынуы
el-akim-propose-lead = Тіркелген кандидаттар талап етілгеннен аз болса, кандидаттарды жоғары тұрған әкім ұсынады; ұсынуды сайлау комиссиясы енгізеді.
el-field-proposal-number = Ұсыну нөмірі
el-field-proposal-date = Ұсыну күні
el-field-proposal-body = Ұсынуды енгізген
el-field-proposal-body-hint = Мысалы: Ақтөбе облысының әкімі
el-field-proposal-file = Ұсынудың сканерленген көшірмесі (PDF, JPEG немесе PNG)
account-candidacies = Менің кандидатураларым
## i13-pages
pp-branches-title = Партия филиалдары
pp-party-secretaries = Бүкіл партияның хатшылары
pp-branch = Филиал
pp-secretaries = Хатшылар
pp-no-secretary = жоқ
pp-members = Партия мүшелері
pp-conferences = Конференциялар
pp-conferences-none = sailau-да әлі конференция шақырылған жоқ.
pp-branch-title = { $party } — филиал: { $branch }
pp-members-imported = Жүктелген партия мүшелері: { NUMBER($count) }.
pp-convene-title = Кезекті конференцияны шақыру
pp-next-number = Оның нөмірі
pp-convene = Шақыру
pp-kind-extraordinary = Кезектен тыс
pp-kind-regular = Кезекті
pp-field-kind = Түрі
pp-field-held-on = Күні
pp-field-held-on-hint = Конференция өтетін күн, мысалы 27.09.2023.
pp-field-place = Өтетін орны
pp-field-agenda = Күн тәртібі
pp-field-agenda-hint = Әр мәселе жаңа жолдан.
pp-date-format = Күнді 27.09.2023 немесе 2023-09-27 түрінде жазыңыз.
pp-import-members = Партия мүшелерінің тізімін жүктеу
pp-import-members-hint = Төменде көрсетілген бағандары бар CSV немесе XLSX. Қате жолдардың бәрі көрсетіледі; қате болса, ештеңе жүктелмейді.
pp-import = Жүктеу
pp-conference-title = { $ordinal } { $kind ->
        [extraordinary] кезектен тыс конференциясы
       *[other] кезекті конференциясы
    }
pp-conference-heading = «{ $party }» партиясы филиалының { $title } — { $branch }
pp-count = Қатысып отырған делегаттар: { NUMBER($elected) } делегаттың { NUMBER($present) }
pp-quorum-yes = Кворум бар (кемінде { NUMBER($needed) } қажет)
pp-quorum-no = Кворум жоқ (кемінде { NUMBER($needed) } қажет)
pp-why = { $rule ->
        [cast] берілген { NUMBER($base) } дауыстың { NUMBER($votes) } «жақтап», { NUMBER($half) } дауыстан артық қажет
        [elected] сайланған { NUMBER($base) } делегаттың { NUMBER($votes) } «жақтап», { NUMBER($half) } дауыстан артық қажет
        [two_thirds] қатысқан { NUMBER($base) } делегаттың { NUMBER($votes) } «жақтап», үштен екісі ({ NUMBER($min) }) қажет
       *[present] қатысқан { NUMBER($base) } делегаттың { NUMBER($votes) } «жақтап», { NUMBER($half) } дауыстан артық қажет
    }
pp-adopted = Шешім қабылданды
pp-adopted-nominee = Шешім қабылданды: партиядан кандидат болып { $name } ұсынылды
pp-not-adopted = Шешім қабылданбады
pp-not-adopted-tie = Шешім қабылданбады: дауыстар тең бөлінді
pp-second-round = Ең көп дауыс алған екеуі арасында екінші тур
pp-mode = { $mode ->
        [roll_call] Атаулы дауыс беру
        [secret] Жасырын дауыс беру
       *[other] Ашық дауыс беру
    }
pp-subject = { $kind ->
        [presidium] Төраға, хатшы және санақ комиссиясы
        [nominate] Әкімдікке кандидат ұсыну
        [approve_list] Партиялық тізімді бекіту
       *[other] Қаулы
    }
pp-subject-presidium-title = Төрағаны, хатшыны және санақ комиссиясын сайлау
pp-subject-nominate-title = Әкім лауазымына кандидат ұсыну туралы: { $unit }
pp-subject-elect-delegates-title = Жоғары тұрған конференцияға делегаттар сайлау
pp-mandate-no = № { NUMBER($mandate) } мандат
pp-name-hidden = (атын филиал хатшысы көреді)
pp-votes-for-name = Жақтап: { $name }
pp-choice-none = — дауыс бермеді —
pp-choice-for = Жақтап
pp-choice-against = Қарсы
pp-choice-abstain = Қалыс қалды
pp-field-mandate = Мандат нөмірі
pp-field-mandate-hint = Делегаттың мандат нөмірі.
pp-field-mandates-hint = Мандат нөмірлері үтір арқылы.
pp-field-subject = Мәселе
pp-field-mode = Дауыс беру
pp-field-chair = Төраға
pp-field-secretary = Хатшы
pp-field-counting-commission = Санақ комиссиясы
pp-field-unit = Аумақ
pp-field-unit-hint = Әкімі сайланатын аудан немесе қала.
pp-field-contenders = Кандидатуралардың партия билеттерінің нөмірлері
pp-field-contenders-hint = Үтір арқылы, бюллетеньдегі ретімен. Әрқайсысы партия мүшесі болуы тиіс.
pp-field-text = Қаулы мәтіні немесе тізім атауы
pp-required-presidium = төрағаны, хатшыны және санақ комиссиясын сайлағанда міндетті
pp-required-nomination = кандидат ұсынғанда міндетті
pp-required-text = қаулы немесе партиялық тізім үшін міндетті
pp-field-votes-for = Жақтап
pp-field-against = Қарсы
pp-field-abstain = Қалыс қалды
pp-field-tally = Санақ қорытындысы
pp-field-present = Қатысып отырған делегаттар
pp-field-roll-call = Әр делегаттың дауысы
pp-field-contest = Сайлау
pp-contenders-too-many = Кандидатуралар саны { NUMBER($max) } аспауы тиіс.
pp-contender-not-member = № { $card } билеті бар партия мүшесі жоқ: кандидат партия мүшесі болуы тиіс.
pp-contender-no-person = № { $card } билеті бар партия мүшесі тұлғалар тізіліміне енгізілмеген: алдымен оны енгізіңіз.
pp-count-format = Дауыстар санын бүтін санмен жазыңыз.
pp-check-in-title = Делегаттарды тіркеу
pp-check-in = Тіркеу
pp-checked-in = Тіркелді
pp-search = Тізімнен тегі немесе мандат нөмірі бойынша іздеу
pp-search-button = Іздеу
pp-search-none = Делегат табылмады.
pp-motions = Мәселелер және дауыс беру
pp-motions-none = Дауысқа әлі ешбір мәселе қойылған жоқ.
pp-round = Тур
pp-decision = Шешім
pp-record-round = Дауыс беру қорытындысын енгізу, { NUMBER($round) }-тур
pp-record-vote = Қорытындыны енгізу
pp-new-motion = Мәселені дауысқа қою
pp-open-motion = Дауысқа қою
pp-nomination = Кандидат ұсыну
pp-hand-off-title = Ұсынуды аумақтық сайлау комиссиясына беру
pp-hand-off-no-contest = Бұл аумақта сайлау әлі тағайындалған жоқ.
pp-hand-off = Комиссияға беру
pp-handed-off = Аумақтық сайлау комиссиясына берілді:
pp-nomination-link = ұсыну
pp-roster = Делегаттар
pp-roster-empty = Делегаттар тізімі әзірге бос.
pp-import-roster = Делегаттар тізімін жүктеу
pp-import-roster-hint = Төменде көрсетілген бағандары бар CSV немесе XLSX; әр билет партия мүшесіне тиесілі болуы тиіс.
pp-delegates-imported = Жүктелген делегаттар: { NUMBER($count) }.
pp-delegate = Делегат
pp-minutes = Хаттама
pp-minutes-pdf = Хаттама (PDF)
pp-back-to-branch = Филиалға оралу
## i13-pipeline
party-meeting-taken = Бұл жиналыс енгізіліп қойған.
party-organization-not-below = Бастауыш партия ұйымы конференция өткізетін филиал аумағындағы партия филиалы болуы тиіс.
party-meeting-after-conference = Жиналыс конференция күнінен кешіктірілмей өтуі тиіс.
party-members-present-range = Қатысқан партия мүшелері кемінде 1 және ұйымдағы мүшелерден ({ NUMBER($members) }) көп емес болуы тиіс.
party-seats-range = Жиналыс 1-ден 999-ға дейін делегат сайлайды.
party-meeting-counts-above-present = Дауыстар қатысқан партия мүшелерінен ({ NUMBER($attending) }) көп.
party-not-of-organization = Бұл партия мүшесі осы бастауыш партия ұйымында тұрмайды.
party-plan-not-region = Жоспар облыс немесе республикалық маңызы бар қала үшін жасалады.
party-plan-dates-order = Жоспардың мерзімдері ретімен жүруі тиіс: басталуы, бастауыш ұйымдардың жиналыстары, аудандық және қалалық филиалдардың конференциялары, облыстық конференция.
action-record-primary-meeting = бастауыш партия ұйымы жиналысының хаттамасын енгізу
action-adopt-regional-plan = облыста конференциялар өткізу жоспарын бекіту
role-counting-commission = Санақ комиссиясының мүшесі (конференцияның немесе бастауыш ұйымның)
role-party-delegate = Конференция делегаты
role-party-member = Партия мүшесі
pipeline-held = өтті
pipeline-pending = алда
pipeline-overdue = мерзімі өтті
action-read-member-record = партия мүшесінің есепке алу деректерін қарау
action-read-delegate-record = делегат туралы мәліметтерді қарау
action-read-voter-roster = дауыс беру құқығы бар партия мүшелерінің тізімін жүктеу
scope-conference = Есеп комиссиясы: { $conference }
scope-member = Партия мүшесі: { $member }
## i13-finish: the regional dashboard, primary meetings, own records
pp-dashboard = Конференциялардың барысы
pp-dashboard-link = Облыстағы конференциялардың барысы
pp-dashboard-title = { $party } — жиналыстар мен конференциялардың барысы: { $region }
pp-dashboard-on = { $date } жағдай бойынша
pp-dashboard-day = Күні
pp-dashboard-day-hint = Осы күнгі жағдай: жоспар бойынша мерзімі өтіп кеткен, бірақ өткізілмеген конференцияның мерзімі өтті деп белгіленеді.
pp-dashboard-show = Көрсету
pp-dashboard-summary = Өткізілген конференциялар: { NUMBER($held) }, алда: { NUMBER($pending) }, мерзімі өткен: { NUMBER($overdue) }; ұсынылғандар: { NUMBER($nominations) }.
pp-plan = Жиналыстар мен конференцияларды өткізу жоспары
pp-plan-none = Бұл облыстың жоспары әлі бекітілмеген: мерзімдер жоқ, мерзімі өткен конференция жоқ.
pp-plan-starts-on = Басталуы
pp-plan-primary-meetings-by = Бастауыш партия ұйымдарының жиналыстары — дейін
pp-plan-district-conferences-by = Аудандық және қалалық филиалдардың конференциялары — дейін
pp-plan-regional-conference-by = Облыстық конференция — дейін
pp-plan-adopt-title = Жоспарды бекіту
pp-plan-adopt-hint = Мерзімдер ретімен: басталуы, бастауыш ұйымдардың жиналыстары, аудандық және қалалық филиалдардың конференциялары, облыстық конференция. Жаңа жоспар бұрынғысын ауыстырады.
pp-plan-adopt = Жоспарды бекіту
pp-stages = Филиалдардың конференциялары
pp-stages-none = Облыста партия филиалдары жоқ.
pp-conference = Конференция
pp-deadline = Мерзімі
pp-stage-status = Жағдайы
pp-meetings = Бастауыш партия ұйымдарының жиналыстары
pp-nominations = Ұсынылғандар
pp-regional-conference = облыстық конференция
pp-not-convened = шақырылмаған
pp-meetings-link = Делегаттарды сайлаған бастауыш партия ұйымдарының жиналыстары: { NUMBER($count) }
pp-meetings-title = Бастауыш партия ұйымдарының жиналыстары: { $conference } — { $branch }
pp-meetings-none = Жиналыстардың хаттамалары әлі енгізілмеген.
pp-meeting-facts = Қатысқан партия мүшелері: { NUMBER($members) }; делегат орындары: { NUMBER($seats) }; сайланғандар: { NUMBER($elected) }.
pp-contender = Кандидатура
pp-elected = Сайланды
pp-not-elected = сайланбады
pp-record-meeting = Бастауыш партия ұйымы жиналысының хаттамасын енгізу
pp-record-meeting-hint = Әр кандидатура бойынша жеке дауыс беріледі. sailau сайланғандарды конференцияның ережесі бойынша анықтап, келесі мандат нөмірлерімен делегаттар тізіміне енгізеді.
pp-record-meeting-button = Хаттаманы енгізу
pp-field-organization = Бастауыш партия ұйымы
pp-field-organization-hint = Конференция өткізетін филиалдан төмен аумақтағы партия филиалы.
pp-field-meeting-held-on = Жиналыс күні
pp-field-members-present = Қатысқан партия мүшелері
pp-field-seats = Қанша делегат сайланады
pp-field-seats-hint = 1-ден 999-ға дейін.
pp-field-meeting-contenders = Делегаттыққа кандидатуралар және дауыс беру қорытындысы
pp-field-meeting-contenders-hint = Партия билетінің нөмірі және «жақтап», «қарсы» және қалыс қалған дауыстар саны; бос жолдар есепке алынбайды.
pp-field-card = Партия билетінің нөмірі
pp-cell-label = { $field }, { NUMBER($line) }-жол
pp-own-link = Менің партия мүшесі ретіндегі есептік карточкам
pp-own-conference-link = Мен есеп комиссиясына сайланған конференция
pp-own-party = Партия
pp-own-title = Партия мүшесі: { $member }
pp-own-title-hidden = Партия мүшесі
pp-own-record = Есептік деректер
pp-own-name = Тегі, аты, әкесінің аты
pp-own-born = Туған күні
pp-own-joined = Партияда
pp-own-record-hidden = Есептік деректерді тек партия мүшесінің өзі және оның филиалының хатшысы көреді.
pp-own-seats = Конференциялардың делегаты
pp-own-seats-none = Конференциялардың делегаттар тізімінде жоқ.
pp-own-check-in = Тіркелу
pp-own-checked-in = Тіркелді: { $time }
pp-own-not-checked-in = тіркелмеген
pp-own-roll-calls = Атаулы дауыс беру
pp-own-roll-calls-none = Атаулы дауыс беру болған жоқ.
pp-own-choice = Дауысы
pp-scope-unknown = (жазба жойылған)
## i12-day
day-field-unknown = «{ $key }» — бұл сайлау хаттамасының жолы емес.
day-candidate-unknown = Бұл округте { $registration } тіркеу нөмірімен тіркелген кандидат жоқ.
day-relation-failed = { $kk }
day-above-list = { NUMBER($value) } тізімдегі сайлаушылар санынан ({ NUMBER($voters) }) көп.
day-entries-differ = Екі енгізу сәйкес келмейді: біріншісінде { $first }, мұнда { $second }. Қағаз хаттамамен салыстырыңыз.
day-protocol-accepted = Бұл учаскенің хаттамасы қабылданып қойған. Оны тек себебін көрсетіп нақтылау арқылы өзгертуге болады.
day-protocol-not-accepted = Бұл учаскенің хаттамасы әлі қабылданған жоқ.
day-amendment-unchanged = Нақтылау бірде-бір санды өзгертпейді.
day-same-operator = Қос енгізу үшін екінші оператор қажет: екінші енгізуді сол тіркелгі жасаған.
day-precinct-outside-election = Бұл учаске осы сайлаудың бірде-бір округіне кірмейді.
day-polls-not-closed = Хаттамалар дауыс беру аяқталғаннан кейін енгізіледі: { $date }, жергілікті уақытпен { $time }.
day-turnout-time-unknown = Сайлаушылардың келуі тек { $allowed } уақытында хабарланады.
day-turnout-too-early = { $time } жағдайы бойынша мәліметті жергілікті уақытпен { $time }-ге дейін беруге болмайды.
day-turnout-reported = Учаске { $time } жағдайы бойынша келуді хабарлап қойған.
day-turnout-order = { $time } жағдайы бойынша { NUMBER($voted) } сайлаушы дауыс берген: күн ішінде келу азаймайды.
action-report-turnout = сайлаушылардың келуі туралы мәлімет беру
action-enter-protocol = учаскелік комиссия хаттамасын енгізу
action-amend-protocol = учаскелік комиссия хаттамасын нақтылау
action-attach-protocol-scan = хаттаманың сканерленген көшірмесін тіркеу
action-record-observer-copy = байқаушының хаттама көшірмесін енгізу
ledger-did-report-turnout = сайлаушылардың келуі туралы мәлімет берді
ledger-did-enter-protocol = учаскелік комиссия хаттамасын енгізді
ledger-did-amend-protocol = учаскелік комиссия хаттамасын нақтылады
ledger-did-attach-protocol-scan = хаттаманың сканерленген көшірмесін тіркеді
ledger-did-record-observer-copy = байқаушының хаттама көшірмесін енгізді
## i12-results
action-certify-results = сайлау қорытындыларын бекіту
ledger-did-certify-results = { $actor } { $contest } округі бойынша сайлау қорытындыларын бекітті.
results-incomplete = Учаскелік комиссиялардың хаттамалары қабылданбаған ({ NUMBER($count) }): { $missing }.
results-already-certified = Бұл округ бойынша сайлау қорытындылары бекітілген.
results-polls-open = Дауыс беру әлі аяқталған жоқ: қорытындылар дауыстарды санағаннан кейін бекітіледі.
results-title = Сайлау қорытындылары
results-election-title = Сайлау қорытындылары: { $name }
results-region-title = Сайлау қорытындылары: { $region }
results-unit-title = Сайлау қорытындылары: { $unit }
results-precinct-title = № { $precinct } учаскелік комиссияның хаттамасы
results-status-preliminary = Алдын ала деректер
results-status-complete = Барлық хаттамалар қабылданды
results-status-certified = Қорытындыларды комиссия бекітті
results-outcome-no-votes = Дауыстар әлі саналған жоқ.
results-outcome-leading = Алда келеді: { $candidate }.
results-outcome-elected = Сайланды: { $candidate }.
results-outcome-run-off = Бірде-бір кандидат дауыстардың жартысынан астамын алған жоқ: { $first } пен { $second } арасында қайта дауыс беру.
results-outcome-repeat-tie = Ең көп дауыс алған кандидаттардың дауыстары тең ({ NUMBER($candidates) }): қайта сайлау тағайындалады.
results-outcome-repeat-low-turnout = Сайлаушылардың қатысуы белгіленген деңгейден төмен: қайта сайлау тағайындалады.
results-outcome-repeat-against-all = «Барлығына қарсы» дауыстар әр кандидаттың дауысынан көп: қайта сайлау тағайындалады.
results-against-all-outpolls = «Барлығына қарсы» дауыстар әр кандидаттың дауысынан көп.
results-precincts-of = { NUMBER($total) } ішінен { NUMBER($count) }
results-precincts = Сайлау учаскелері
results-precinct = Учаске
results-voters = Тізімдегі сайлаушылар саны
results-issued = Берілген бюллетеньдер
results-found = Жәшіктерден табылған бюллетеньдер
results-turnout = Қатысу
results-invalid = Жарамсыз бюллетеньдер
results-against-all = Барлығына қарсы
results-regions = Облыстар мен қалалар
results-region = Облыс, қала
results-units = Сайлау округтері
results-unit = Округ
results-status = Жай-күйі
results-outcome = Қорытынды
results-statistics = Статистика
results-chart-votes = Кандидаттарға берілген дауыстар, жәшіктерден табылған бюллетеньдерге үлесі
results-votes = Дауыстар
results-candidate = Кандидат
results-nominated-by = Кім ұсынды
results-share = Үлесі
results-deposit = Сайлау жарнасы
results-deposit-refunded = қайтарылады
results-route-self-nominated = өзін-өзі ұсыну
results-route-higher-akim-proposal = жоғары тұрған әкімнің ұсынуы бойынша
results-route-party = партия
results-protocol = Хаттама
results-protocol-accepted = қабылданды
results-protocol-awaited = әлі түскен жоқ
results-certify = Қорытындыларды бекіту
results-certify-button = Округ бойынша сайлау қорытындыларын бекіту
results-stat-nominated = Ұсынылған кандидаттар
results-stat-registered = Тіркелген кандидаттар
results-stat-on-ballot = Бюллетеньге енгізілген кандидаттар
results-stat-route-party = Тіркелген, партиялар ұсынған
results-stat-route-self-nominated = Тіркелген, өзін-өзі ұсынғандар
results-stat-route-higher-akim-proposal = Тіркелген, жоғары тұрған әкімнің ұсынуы бойынша
results-stat-gender-female = Тіркелген әйелдер
results-stat-gender-male = Тіркелген ерлер
results-stat-parties = Кандидаттары тіркелген партиялар
results-stat-winners-new = Сайланған әкімдер
results-stat-winners-age = Сайланғандардың орташа жасы
results-stat-by-party = Тіркелген кандидаттар партиялар бойынша
results-stat-by-age = Тіркелген кандидаттар жасы бойынша
results-stat-age-band = { $band } жас
results-stat-winners-by-party = Сайланғандар партиялар бойынша
results-stat-winners-by-route = Сайланғандар ұсыну тәсілі бойынша
results-stat-no-party = Партиясыз
results-stat-incumbents = Қайта сайланған және жаңа әкімдер
results-stat-incumbents-reelected = Қызметтегі әкімдер қайта сайланды
results-stat-new-people = Алғаш рет сайланды
results-stat-turnout-bands = Учаскелер дауыс беруге қатысу бойынша
results-stat-turnout-band = қатысу { $band }%

## merge: ledger lines of the party pipeline
scope-person-unknown = тізілімде енді жоқ тұлға
ledger-did-record-primary-meeting = { $actor } бастауыш партия ұйымы жиналысының хаттамасын және сайланған делегаттарды енгізді.
ledger-did-adopt-regional-plan = { $actor } облыстың жиналыстар мен конференциялар кестесін бекітті.

## i12-pages: election-day pages of the commissions and observers
day-title = Дауыс беру күні
day-index-title = Дауыс беру күні: { $name }
day-voting-hours = Дауыс беру: { $opens } — { $closes }, жергілікті уақытпен ({ $offset }).
day-report-times = Сайлаушылардың келуі туралы мәліметтер берілетін уақыт
day-no-precincts = Сіздің өкілеттігіңізде бұл сайлаудың сайлау учаскелері жоқ.
day-turnout-reports = Сайлаушылардың келуі туралы мәліметтер
day-actions = Әрекеттер
day-turnout-link = Келу
day-protocol-link = Хаттама
day-copy-link = Хаттаманың көшірмесі
day-status-none = енгізілген жоқ
day-status-pending = екінші енгізуді күтуде
day-status-accepted = қабылданды
day-status-amended = қабылданды, нақтыланды ({ NUMBER($index) }-нұсқа)
day-candidate-line = № { $registration } — { $name }
day-live-above-list = Тізімдегі сайлаушылар санынан көп
day-turnout-title = № { $precinct } учаскедегі сайлаушылардың келуі
day-turnout-time = Уақыт
day-turnout-voted = Дауыс берген сайлаушылар
day-reported-at = Берілген уақыты
day-not-reported = берілген жоқ
day-turnout-report = Келу туралы мәлімет беру
day-turnout-all-reported = Белгіленген барлық уақыт бойынша мәліметтер берілді.
day-turnout-submit = Мәліметті беру
day-protocol-title = № { $precinct } учаскелік сайлау комиссиясының хаттамасы
day-copy-title = Бақылаушы алған № { $precinct } учаске хаттамасының көшірмесі
day-public-page = учаскенің жалпыға ортақ беті
day-entries-differ-title = Хаттаманың екі енгізуі сәйкес келмейді
day-entries-differ-lead = Екі оператор бірдей сандарды енгізгенде хаттама қабылданады. Жолдарды қағаз хаттамамен салыстырыңыз.
day-line = Хаттама жолы
day-entry-first = Бірінші енгізу
day-entry-second = Екінші енгізу
day-awaiting-second-entry = Хаттаманы бір оператор енгізді: екінші оператор сол сандарды енгізгенде ол қабылданады.
day-versions = Хаттаманың нұсқалары
day-amend-reason = Нақтылаудың себебі
day-amend-reason-hint = Мысалы: қағаз хаттамадан 7-жолды көшіргенде қате жіберілген.
day-amend-title = Хаттаманы нақтылау
day-copy-form = Хаттама көшірмесінің сандары
day-enter-title = Хаттаманы енгізу
day-copy-lead = Сандарды өзіңіз алған көшірмеде жазылғандай енгізіңіз. Қабылданған хаттамадан айырмашылықтар учаскенің бетінде көрсетіледі.
day-amend-lead = Қабылданған хаттама себебін көрсетіп нақтылау арқылы ғана өзгертіледі; екі нұсқа да сақталады және барлығына көрсетіледі.
day-enter-lead = Учаскелік комиссия хаттамасының сандарын енгізіңіз. Бақылау арақатынастары енгізу кезінде және сақтау кезінде тексеріледі.
day-enter-lead-double = Учаскелік комиссия хаттамасының сандарын енгізіңіз. Екінші оператор сол сандарды енгізгенде хаттама қабылданады.
day-protocol-lines = Хаттама жолдары
day-amend-submit = Нақтылауды сақтау
day-copy-submit = Көшірмені сақтау
day-enter-submit = Хаттаманы сақтау
day-scans = Қол қойылған хаттаманың сканері
day-no-scans = Скан әлі тіркелген жоқ.
day-scan-file = { $format }, { NUMBER($size) } байт
day-scan-file-label = Скан немесе фотосурет файлы
day-scan-hint = PDF, JPEG немесе PNG. Тізілімге файлдың SHA-256 хеші жазылады.
day-scan-submit = Сканды тіркеу
day-version = { NUMBER($index) }-нұсқа
day-import-title = Хаттамаларды файлдан жүктеу
day-import-lead = Аумақтық комиссия бір облыс учаскелерінің хаттамаларын CSV немесе XLSX файлынан жүктейді. Барлық жолдар қабылданады немесе бірде-біреуі қабылданбайды; әр қате файл жолымен көрсетіледі.
day-imported = { NUMBER($count) } хаттама қабылданды.
day-import-columns = Файл бағандары
day-import-file = Хаттамалар файлы
day-import-submit = Хаттамаларды жүктеу
day-amendments = Хаттаманы нақтылау
day-copies = Бақылаушылардағы хаттама көшірмелері
day-copy-number = Бақылаушының { NUMBER($index) }-көшірмесі
day-copy-not-compared = Учаске хаттамасы әлі қабылданған жоқ: салыстыратын ештеңе жоқ.
day-copy-agrees = Қабылданған хаттамамен сәйкес келеді.
day-copy-differs = Қабылданған хаттамамен сәйкес келмейді:
day-copy-protocol = Хаттамада
day-copy-copy = Көшірмеде
results-turnout-day = Күн ішіндегі сайлаушылардың келуі
results-turnout-chart = Белгіленген уақыт бойынша сайлаушылардың келуі, тізімдегі сайлаушылар санынан үлесі
results-turnout-reported = Мәлімет берген учаскелер
results-turnout-flags = Белгілер
results-turnout-missing = { NUMBER($count) } учаске мәлімет бермеді
results-turnout-late = { NUMBER($count) } учаске мәліметті кешігіп берді
results-downloads = Ашық деректер
results-download-nist = NIST SP 1500-100 форматындағы қорытындылар (JSON)
results-download-precincts-csv = Сайлау учаскелері бойынша қорытындылар (CSV)
results-download-units-csv = Аудандар мен қалалар бойынша қорытындылар (CSV)
results-download-precincts-xlsx = Сайлау учаскелері бойынша қорытындылар (Excel)
results-download-units-xlsx = Аудандар мен қалалар бойынша қорытындылар (Excel)
results-download-events = NIST SP 1500-101 форматындағы өзгерістер журналы (JSON)

## i14-primaries: «Праймериз»
role-organizing-committee = Праймериз ұйымдастыру комитетінің мүшесі
role-trustee = Праймериздің сенім білдірілген тұлғасы (кілт сақтаушы)
role-credential-authority = Дауыс беру кодтарын беруге уәкілетті тұлға
prim-campaign-taken = Мұндай сәйкестендіргіші бар праймериз бар.
prim-campaign-missing = Мұндай праймериз жоқ.
prim-window-empty = Мерзім аяқталуынан бұрын басталуы тиіс.
prim-windows-order = Мерзімдер ретімен жүреді: тіркеу, дебаттар, онлайн дауыс беру.
prim-paper-outside-online = Бюллетеньмен дауыс беру онлайн дауыс беру мерзімі ішінде өтуі тиіс.
prim-registration-past = Бұл кезде тіркеу аяқталып қалар еді.
prim-positions-empty = Кемінде бір позиция керек.
prim-position-key-format = Позиция кілті: 1-ден 32-ге дейін кіші латын әрпі, цифр немесе дефис.
prim-position-key-twice = Екі позицияның кілті бірдей.
prim-unit-outside-campaign = Бұл әкімшілік-аумақтық бірлік праймериз аумағынан тыс.
prim-seats-range = Тізімде 1-ден 500-ге дейін орын болады.
prim-position-missing = Праймеризде мұндай позиция жоқ.
prim-trustees-shape = 1-ден 15-ке дейін әртүрлі сенім білдірілген тұлға керек.
prim-threshold-range = Шек — 1-ден сенім білдірілген тұлғалар санына дейінгі бүтін сан.
prim-not-trustee = Бұл есептік жазба праймериздің сенім білдірілген тұлғасы емес.
prim-registration-closed = Тіркеу { $opens } бастап { $closes } дейін ашық.
prim-contender-taken = Мұндай сәйкестендіргіші бар қатысушы бар.
prim-contender-missing = Праймеризде мұндай қатысушы жоқ.
prim-contender-twice = Бұл партия мүшесі осы позицияға ұсынылып қойған.
prim-not-member = Тек осы аумақтағы партия мүшелері қатыса алады.
prim-too-young = Қатысушы кемінде { NUMBER($age) } жаста болуы тиіс.
prim-young-mismatch = Жастар белгісі партия мүшесінің туған күніне сәйкес келмейді.
prim-ballot-fixed = Бюллетень бекітілген (онлайн дауыс беру басталғанға дейін): қатысушылар құрамы енді өзгермейді.
prim-residence-short = Қатысушы аумақта кемінде { NUMBER($years) } жыл тұруы тиіс.
prim-criminal-record-undeclared = Қатысушы сотталмағаны туралы мәлімдеуі тиіс.
prim-organization-invalid = Ұсынған ұйым праймериз аумағындағы партия филиалы емес.
prim-already-decided = Бұл өтініш бойынша шешім қабылданған.
prim-ground-required = Бас тарту негізін көрсетіңіз.
prim-not-admitted = Қатысушы жіберілмеген.
prim-already-out = Қатысушы өз кандидатурасын алып тастаған немесе шығарылған.
prim-debate-outside-window = Дебаттар { $opens } бастап { $closes } дейін өтеді.
prim-debate-taken = Мұндай сәйкестендіргіші бар дебат бар.
prim-debate-missing = Мұндай дебат жоқ.
prim-debate-contenders = Дебатқа осы позицияның кемінде екі жіберілген қатысушысы, әрқайсысы бір рет қатысады.
prim-link-format = Сілтеме веб-беттің мекенжайы болуы тиіс.
prim-attendance-not-due = Қатысу бір рет, дебат басталғаннан кейін белгіленеді.
prim-attendance-shape = Дебаттың әр қатысушысын бір рет белгілеңіз: қатысты немесе келмеді.
prim-paper-closed = Бюллетеньдер { $opens } бастап { $closes } дейін саналады.
prim-paper-count-after-results = Қорытынды түпкілікті: онлайн дауыстардың шифрын сенім білдірілген тұлғалар ашып қойған. Бюллетеньдер санағы бұған дейін енгізіледі.
prim-paper-count-twice = Бұл бастауыш ұйым санақты енгізіп қойған.
prim-paper-count-shape = Санақта позицияның әр жіберілген қатысушысы бір рет көрсетіледі.
prim-paper-counts-above-issued = Дауыстар берілген бюллетеньдер санынан ({ NUMBER($issued) }) көп.
prim-paper-ballot-refused = Бұл партия мүшесіне бюллетень беруге болмайды.
prim-position-without-contenders = Бұл позицияға бірде-бір қатысушы жіберілмеген: бюллетеньді бекітуге болмайды.
prim-ballot-invalid = Тексерілетін дауыс беру хаттамасы мұндай бюллетеньге жол бермейді (позициялар немесе қатысушылар тым көп).
action-fix-ballot = праймериз бюллетенін бекіту
ledger-did-fix-ballot = { $actor } праймериздің онлайн дауыс беру бюллетенін бекітті.
prim-ballot = Онлайн дауыс беру бюллетені
prim-ballot-not-fixed = Бюллетень әлі бекітілген жоқ.
prim-ballot-fixed-hash = Бюллетень бекітілді; құрамының ізі (манифест хеші): { $hash }.
prim-ballot-fix = Бюллетеньді бекіту
prim-ballot-fix-confirm = Бюллетеньді бекітуді растаймын; бекітілгеннен кейін ол өзгермейді.
prim-ballot-fix-hint = Бекітілгеннен кейін бюллетеньге жіберілген қатысушылар енеді; жіберу туралы шешімдер, кандидатураны алып тастау мен шығару мүмкін болмайды, ал сенім білдірілген тұлғалар осы бюллетень үшін кілттер рәсімін өткізеді.
prim-apply = Қатысуға өтініш беру
prim-apply-hint = Жасыңыз және жастарға жататыныңыз партия мүшесінің есептік карточкасындағы туған күніңіз бойынша анықталады; аты-жөніңіз бен туған күніңіз өзгерістер журналында жарияланбайды.
prim-apply-submit = Өтініш беру
prim-residence-years = Аумақта неше жыл тұрасыз
prim-declare-no-record = Сотталмағанымды мәлімдеймін
prim-paper-form = Бастауыш ұйымның бюллетень санағы
prim-paper-organization = Бастауыш ұйым
prim-paper-issued = Берілген бюллетеньдер
prim-paper-submit = Санақты енгізу
prim-debate-schedule = Дебат белгілеу
prim-when-hint = Жергілікті уақыт: КК.АА.ЖЖЖЖ СС:ММ, мысалы 16.09.2025 11:00.
prim-when-format = Күн мен уақытты КК.АА.ЖЖЖЖ СС:ММ түрінде көрсетіңіз.
prim-attendance-hint = Белгіленбеген қатысушылар келмеген болып саналады; праймериз ережесі бойынша міндетті дебатқа келмеу шығаруға әкеледі.
prim-attendance-submit = Қатысуды белгілеу
prim-decide-admit = Жіберу
prim-decide-refuse = Жіберуден бас тарту
prim-required-refusal = бас тартқанда міндетті
prim-marks = Белгілер
prim-list-note = Ескерту
prim-online-pending = шифры ашылмаған
prim-zone = Уақыт жергілікті ({ $offset }).
prim-list-provisional = Алдын ала.
prim-title = Праймериз
prim-none = Праймериз әлі жарияланған жоқ.
prim-party = Партия
prim-territory = Аумақ
prim-windows = Мерзімдер
prim-window-registration = Қатысушыларды тіркеу
prim-window-debates = Дебаттар
prim-window-online = Онлайн дауыс беру
prim-window-paper = Бастауыш ұйымдарда бюллетеньмен дауыс беру
prim-window-state-before = алда
prim-window-state-open = қазір
prim-window-state-after = өтті
prim-positions = Позициялар
prim-position-field = Позиция
prim-position-akim = әкім лауазымына кандидатура
prim-position-list = { NUMBER($seats) } орындық тізім
prim-contenders = Қатысушылар
prim-no-contenders = Қатысушылар әлі жоқ.
prim-contender = Қатысушы
prim-name-erased = (дербес деректер жойылған)
prim-status = Мәртебесі
prim-status-applied = { $gender ->
    [female] өтініш берілді
   *[other] өтініш берілді
}
prim-status-admitted = { $gender ->
    [female] жіберілді
   *[other] жіберілді
}
prim-status-refused = { $gender ->
    [female] жіберуден бас тартылды
   *[other] жіберуден бас тартылды
}
prim-status-withdrawn = { $gender ->
    [female] кандидатурасын алып тастады
   *[other] кандидатурасын алып тастады
}
prim-status-excluded = { $gender ->
    [female] міндетті дебатқа келмегені үшін шығарылды
   *[other] міндетті дебатқа келмегені үшін шығарылды
}
prim-route = Ұсынылуы
prim-route-self = өзін-өзі ұсыну
prim-route-organization = бастауыш ұйым
prim-woman = әйел
prim-young = { NUMBER($age) } жасқа дейін
prim-ground = Бас тарту негізі
prim-debates = Дебаттар
prim-no-debates = Дебаттар әлі белгіленген жоқ.
prim-no-debates-held = Бұл позиция бойынша дебат өткізілген жоқ.
prim-debate-when = Басталуы
prim-debate-topic = Тақырыбы
prim-debate-place = Өтетін жері
prim-debate-stream = Трансляция
prim-debate-recording = Жазба
prim-debate-present = Қатысқандар
prim-debate-absent = Келмегендер
prim-paper = Бюллетеньмен дауыс беру
prim-paper-summary = Санақты енгізген бастауыш ұйымдар: { NUMBER($organizations) }; берілген бюллетеньдер: { NUMBER($issued) }.
prim-ratings = Рейтингтер
prim-ratings-note = Алдын ала: сенім білдірілген тұлғалар онлайн дауыстардың шифрын әлі ашқан жоқ; рейтингтер мен тізім тек бюллетеньмен берілген дауыстарды көрсетеді.
prim-rating-overall = Жалпы рейтинг
prim-rating-women = Әйелдер рейтингі
prim-rating-young = Жастар рейтингі
prim-rank = Орны
prim-votes = Дауыстар
prim-votes-online = онлайн
prim-votes-paper = бюллетеньмен
prim-list = Квоталар ескерілген тізім
prim-list-quotas = Квоталар: { NUMBER($seats) } орынның кемінде { NUMBER($women) } орны — әйелдерге, кемінде { NUMBER($young) } орны — жастарға.
prim-list-met = Квоталар орындалды: әйелдер { NUMBER($women) }, жастар { NUMBER($young) }.
prim-list-unmet = Қатысушылар квоталарды орындауға мүмкіндік бермейді: әйелдер { NUMBER($women) }, жастар { NUMBER($young) }.
prim-list-moved-in = { $gender ->
    [female] квота бойынша енгізілді
   *[other] квота бойынша енгізілді
}
prim-list-moved-out = { $gender ->
    [female] квота бойынша орнын берді
   *[other] квота бойынша орнын берді
}
prim-link-open = ашу
prim-back = Барлық праймериз
action-open-campaign = праймериз жариялау
action-register-contender = праймериз қатысушысын тіркеу
action-decide-contender = праймериз қатысушысын жіберу туралы шешім қабылдау
action-withdraw-contender = праймериз қатысушысының кандидатурасын алып тастау
action-schedule-debate = дебат белгілеу
action-record-debate = дебатқа қатысуды белгілеу
action-record-paper-count = праймериз бюллетеньдерінің санағын енгізу
ledger-did-open-campaign = { $actor } «{ $title }» праймеризін жариялады.
ledger-did-register-contender = { $actor } праймериз қатысушысын тіркеді.
ledger-did-admit-contender = { $actor } қатысушыны праймеризге жіберді.
ledger-did-refuse-contender = { $actor } праймериз қатысушысын жіберуден бас тартты: «{ $ground }».
ledger-did-withdraw-contender = { $actor } праймериз қатысушысының кандидатурасын алып тастады.
ledger-did-schedule-debate = { $actor } «{ $title }» дебатын белгіледі.
ledger-did-record-debate = { $actor } дебатқа қатысуды белгіледі.
ledger-did-record-paper-count = { $actor } «{ $branch }» бастауыш ұйымының бюллетень санағын енгізді (берілген бюллетеньдер: { NUMBER($count) }).

## i14-online: праймериздің тексерілетін онлайн дауыс беруі
prim-not-your-trustee = Сіз бұл науқанда осы нөмірлі сенім білдірілген тұлға емессіз.
prim-ceremony-step-twice = Бұл сенім білдірілген тұлға бұл файлды жариялап қойған.
prim-ceremony-not-ready = Алдымен барлық сенім білдірілген тұлғалар кілттер рәсімінің алдыңғы кезеңін аяқтауы керек.
prim-ceremony-aborted = Шағым кілттер рәсімін тоқтатты: ұйымдастыру комитеті оны қайта бастамайынша файлдар қабылданбайды.
prim-ceremony-not-aborted = Кілттер рәсімі оны шағым тоқтатқаннан кейін ғана қайта басталады.
prim-trustee-count-fixed = Жаңа рәсімге бекітілген бюллетеньдегідей { NUMBER($count) } сенім білдірілген тұлға қажет.
prim-ceremony-key-reused = Бұл хабарлама тоқтатылған рәсімдегі хабарламаны қайталайды: сенім білдірілген тұлғаның бағдарламасымен жаңа құпиялар жасаңыз.
prim-file-refused = Файл қабылданбады: тексерілетін дауыс беру хаттамасы оны қабылдамайды (дәлел, қолтаңба немесе кілт сәйкес емес).
prim-credentials-twice = Дауыс беруге арналған тіркелгі деректері жарияланып қойған.
prim-credentials-file = Ашық тіркелгі деректерінің файлы қабылданбады: { NUMBER($line) }-жол пішімге немесе ретке сәйкес емес.
prim-voting-started = Онлайн дауыс беру басталып кетті.
prim-voting-over = Онлайн дауыс беру аяқталды.
prim-voting-closed = Бюллетеньдер { $opens } бастап { $closes } дейін, жәшік жабылғанға дейін қабылданады.
prim-key-not-published = Сенім білдірілген тұлғалар ортақ кілтті әлі жарияламаған: дауыс беру басталмаған.
prim-credentials-not-published = Дауыс беруге арналған тіркелгі деректері әлі жарияланбаған.
prim-ballot-replay = Бұл бюллетень тақтада бар немесе тексерілген: жаңасын шифрлаңыз.
prim-ballot-refused = Бюллетень қабылданбады: дәлел, қолтаңба немесе пішін сәйкес емес.
prim-credential-unknown = Мұндай дауыс беру коды жарияланған тізімде жоқ: кодты тексеріңіз.
prim-not-voter = Сіз осы науқанның аумағында партия мүшесі емессіз.
prim-paper-ballot-taken = Сіз қағаз бюллетень алдыңыз, сондықтан онлайн дауыс бере алмайсыз.
prim-voting-not-over = Онлайн дауыс беру әлі аяқталған жоқ.
prim-already-tallied = Дауыс беруге арналған жәшік жабылып, дауыстар саналып қойған.
prim-tally-stale = Тақта өзгерді: қайта санаңыз.
prim-not-tallied = Жәшіктегі дауыстар әлі саналмаған.
prim-results-published = Қорытындылар жарияланып қойған.
prim-shares-too-few = Шифрды ашу үшін { NUMBER($count) } сенім білдірілген тұлғаның үлесі қажет.
command-publish-ceremony-file = Кілттер рәсімінің файлы
command-restart-ceremony = Кілттер рәсімін қайта өткізу
command-publish-credentials = Дауыс беруге арналған тіркелгі деректерін жариялау
command-submit-ballot = Онлайн дауыс беру бюллетені
command-tally-board = Онлайн дауыстарды санау
command-publish-decryption-share = Шифрды ашу үлесі
command-publish-results = Онлайн дауыс беру қорытындыларын жариялау
command-issue-paper-ballot = Қағаз бюллетень беру
action-publish-ceremony-file = кілттер рәсімінің файлын жариялау
action-restart-ceremony = кілттер рәсімін қайта өткізу
action-publish-credentials = дауыс беруге арналған тіркелгі деректерін жариялау
action-submit-ballot = бюллетеньді қабылдау
action-tally-board = онлайн дауыстарды санау
action-publish-decryption-share = шифрды ашу үлесін жариялау
action-publish-results = онлайн дауыс беру қорытындыларын жариялау
action-issue-paper-ballot = қағаз бюллетень беру
ledger-actor-voter = дауыс беруші (жасырын)
ledger-did-publish-ceremony-file = { $actor } № { NUMBER($index) } сенім білдірілген тұлғаның файлын жариялады ({ NUMBER($number) }-кезең, барлығы 3).
ledger-did-publish-complaints = { $actor } № { NUMBER($index) } сенім білдірілген тұлғаның алынған үлестерге шағымдарын жариялады ({ NUMBER($count) }): кілттер рәсімі тоқтатылды.
ledger-did-restart-ceremony = { $actor } шағымнан кейін кілттер рәсімін қайта бастады; сенім білдірілген тұлғалар: { $names }.
ledger-did-publish-credentials = { $actor } дауыс беруге арналған ашық тіркелгі деректерін жариялады (кодтар саны: { NUMBER($count) }).
ledger-did-submit-ballot = { $actor } { $code } бюллетенін салды.
ledger-did-challenge-ballot = { $actor } { $code } бюллетенін тексерді; ол ашылуымен жарияланды және есепке алынбайды.
ledger-did-tally-board = { $actor } жәшікті жауып, { NUMBER($count) } шифрланған бюллетеньді қосты.
ledger-did-publish-decryption-share = { $actor } № { NUMBER($index) } сенім білдірілген тұлғаның шифрды ашу үлесін жариялады.
ledger-did-publish-results = { $actor } { NUMBER($count) } бюллетень бойынша онлайн дауыс беру қорытындыларын жариялады.
ledger-did-issue-paper-ballot = { $actor } «{ $branch }» ұйымында қағаз бюллетень берді.
prim-online = Онлайн дауыс беру
prim-online-status = Дауыс берудің барысы
prim-online-yes = иә
prim-online-no = жоқ
prim-online-ballot-fixed = Бюллетень бекітілді
prim-online-trustees = Сенім білдірілген тұлғалар
prim-online-trustees-value = { NUMBER($count) }, шифрды ашуға { NUMBER($number) } қажет
prim-online-round = Кілттер рәсімінің кезеңі
prim-online-round-1 = 1-кезең: кілттерді жариялау
prim-online-round-2 = 2-кезең: үлестерді тарату
prim-online-round-3 = 3-кезең: үлестерді растау
prim-online-round-4 = Шифрды ашу үлестері
prim-online-roster = Хаттарға арналған партия мүшелерінің тізімі
prim-online-roster-hint = Осы праймеризде дауыс беру құқығы бар, партиялық билет нөмірі бойынша нөмірленген партия мүшелері. «sailau credentials generate» командасын тізім жолдарының санына тең кодтармен орындаңыз: № N код N-жолдағы партия мүшесіне мөрленген хатпен жіберіледі. Тізімде дербес деректер бар: хаттар басылғаннан кейін оны сервер компьютерінде сақтамаңыз.
prim-online-roster-download = Тізімді жүктеу (CSV)
prim-online-codes-mismatch = Назар аударыңыз: кодтар мен дауыс бергендер сәйкес емес
prim-online-codes-mismatch-value = Есепке алынған дауыс беру кодтары: { NUMBER($count) }, ал онлайн тек { NUMBER($number) } партия мүшесі дауыс берді: кейбір кодтар басқа мүшелердің есептік жазбаларынан пайдаланылған
prim-online-aborted = Тоқтатылған кілттер рәсімдері
prim-online-aborted-value = { $state ->
    [yes] ағымдағы рәсімді шағым тоқтатты; бұрын қайта басталды: { NUMBER($count) }
   *[no] тоқтатылып, қайта өткізілді: { NUMBER($count) }
}
prim-online-complaints = Сенім білдірілген тұлғалардың шағымдары
prim-online-complaints-hint = Басқа сенім білдірілген тұлғадан алған үлесі тексеруден өтпеген сенім білдірілген тұлға сол үлестің кілтін ашатын шағым жариялады — оны кез келген адам тексере алады. Рәсім тоқтатылды: оның бірде-бір кілті пайдаланылмайды. Ұйымдастыру комитеті шеттетілген сенім білдірілген тұлғаны ауыстырып, рәсімді қайта бастайды, ал барлық сенім білдірілген тұлғалар жаңа құпиялар жасайды.
prim-online-complainant = Сенім білдірілген тұлғаның шағымы
prim-online-dealer = Үлесті таратқан сенім білдірілген тұлға
prim-online-verdict = Шешім
prim-online-disqualified = Шеттетіледі
prim-verdict-dealer-cheated = Үлес таратушының міндеттемелеріне сәйкес емес: таратушы хаттаманы бұзды
prim-verdict-unfounded = Үлес дұрыс: шағым негізсіз
prim-verdict-invalid = Шағымның дәлелі расталмайды: шағым жарамсыз
prim-online-restart-hint = Жаңа рәсімнің сенім білдірілген тұлғалары ретімен, бекітілген бюллетеньдегідей санда: шеттетілген сенім білдірілген тұлғаны басқа сенім білдірілген тұлғаның есептік жазбасымен ауыстырыңыз. Тоқтатылған рәсімнің файлдары журналда қалады; дауыс беру жазбасында тек жаңа рәсім болады.
prim-online-trustee-n = № { NUMBER($index) } сенім білдірілген тұлға (есептік жазба)
prim-online-restart = Рәсімді қайта бастау
prim-online-key = Ортақ кілт жарияланды
prim-online-credentials = Ашық тіркелгі деректері
prim-online-board = Бюллетеньдер тақтасы
prim-online-board-value = Салынған бюллетеньдер: { NUMBER($count) }, оның ішінде есептелетіні: { NUMBER($number) }; тексерілген бюллетеньдер: { NUMBER($index) }
prim-online-participation = Қатысу тізілімі
prim-online-participation-value = Онлайн дауыс бергендер: { NUMBER($count) }; қағаз бюллетень алғандар: { NUMBER($number) }
prim-online-tallied = Жәшік жабылып, дауыстар саналды
prim-online-decrypted = Қорытындылардың шифры ашылды
prim-online-joint-key = Ортақ ашық кілт
prim-online-election-hash = Сайлау хеші
prim-online-head = Соңғы бақылау коды
prim-online-record = Дауыс беру жазбасын жүктеу (ZIP мұрағаты)
prim-online-record-hint = Мұрағатты ашып, «sailau verify record» орындаңыз: әр тексеріс тәуелсіз қайта есептеледі.
prim-online-ceremony = Кілттер рәсімі
prim-online-ceremony-hint = Өз компьютеріңізде «sailau trustee keygen», содан кейін «share», содан кейін «finalize» орындап, әр кезеңнің ашық файлын жүктеңіз; 3-кезеңде бұл расталған кілт немесе алынған үлес тексеруден өтпесе, шағымдар файлы. Құпия файлды ешқайда жүктемеңіз.
prim-online-you-are-trustee = Сіз № { NUMBER($index) } сенім білдірілген тұлғасыз.
prim-online-trustee-number = Сенім білдірілген тұлғаның нөмірі
prim-online-file = Файл
prim-online-file-hint = Дауыс беру жазбасындағы trustee-N.json, dealt-N.json немесе finalized-N.json файлы.
prim-online-file-too-large = Файл тым үлкен.
prim-online-upload = Жүктеу
prim-online-round-required = Рәсімнің кезеңін таңдаңыз.
prim-online-credentials-upload = Тіркелгі деректерін жариялау
prim-online-credentials-hint = Кодтарды «sailau credentials generate» командасымен жасаңыз, әр партия мүшесіне өз кодын жүйеге кіруден бөлек беріңіз және ашық деректері бар credentials.jsonl файлын жүктеңіз. Кодтар жүйеде сақталмайды.
prim-online-paper-hint = Қағаз бюллетень онлайн дауыс бермеген партия мүшесіне беріледі; белгі қатысу тізілімінде қойылады.
prim-online-card = Партиялық билеттің нөмірі
prim-online-card-unknown = Мұндай билет нөмірі бар партия мүшесі жоқ.
prim-online-organization-required = Бастауыш ұйымды таңдаңыз.
prim-online-issue = Бюллетень беру
prim-online-tally = Жәшікті жауып, санау
prim-online-tally-hint = Жүйе әр дауыс берушінің соңғы бюллетенін шифрланған күйінде қосады; содан кейін сенім білдірілген тұлғалар шифрды ашу үлестерін жүктейді.
prim-online-share-hint = Өз компьютеріңізде «sailau trustee decrypt» орындап, share-N.json файлын жүктеңіз.
prim-online-results-hint = Қорытындылар шифрды ашу үлестерінен жиналып, жарияланар алдында санаумен салыстырылады; рейтингтер онлайн және қағаз дауыстарды қосады.
prim-online-publish = Қорытындыларды жариялау
prim-vote = Дауыс беру
prim-vote-sign-in = Дауыс беру үшін жүйеге партия мүшесі ретінде кіріңіз.
prim-vote-intro = Бюллетень сіздің құрылғыңызда шифрланады: сервер кімге дауыс бергеніңізді көрмейді. Қайта дауыс беруге болады — соңғы бюллетень есептеледі.
prim-vote-code = Дауыс беру коды
prim-vote-code-hint = Жүйеге кіруден бөлек берілген хаттағы код: төрт таңбадан сегіз топ.
prim-vote-choose-one = Бір қатысушыны белгілеңіз.
prim-vote-choose-up-to = Бірден { NUMBER($count) } қатысушыға дейін белгілеңіз.
prim-vote-encrypt = Бюллетеньді шифрлау
prim-vote-fingerprint = Бюллетеньнің ізі
prim-vote-fingerprint-hint = Іздің алғашқы 16 таңбасын жазып алыңыз. Бюллетеньді салыңыз немесе тексеріңіз: тексерілген бюллетень ашылады және есептелмейді, тақтадан оны осы таңбалар арқылы табасыз; одан кейін жаңасын шифрлаңыз.
prim-vote-cast = Бюллетеньді салу
prim-vote-challenge = Шифрлауды тексеру
prim-vote-cast-done = Бюллетень қабылданды
prim-vote-tracking = Сіздің бақылау кодыңыз — оны бюллетеньдер тақтасынан табыңыз:
prim-vote-find = Тақтадан табу
prim-vote-again = Егер сізді дауыс беруге мәжбүрлесе, кейінірек қайта дауыс беріңіз: соңғы бюллетень есептеледі.
prim-vote-challenged-done = Бюллетень тексерілді және есептелмейді
prim-vote-challenged-hint = Оның шифрлауы ашылуымен жарияланды; тексеру бетінде оның қандай таңдауды қамтитыны көрінеді. Дауыс беру үшін бюллетеньді қайта шифрлаңыз.
prim-vote-verify = Тексеру бетін ашу
prim-vote-noscript = Бюллетень сіздің құрылғыңызда шифрланады, сондықтан дауыс беру үшін JavaScript қажет. Онсыз «sailau vote» командасымен дауыс беруге болады.
prim-vote-error-bad-credential = Код қате терілген: таңбаларды тексеріңіз.
prim-vote-error-wrong-credential = Бұл код осы дауыс беруге сәйкес келмейді.
prim-vote-error-over-vote = Рұқсат етілгеннен көп қатысушы белгіленді.
prim-vote-error-under-vote = Қатысушыны белгілеңіз.
prim-vote-error-unknown-choice = Бюллетеньде мұндай қатысушы жоқ.
prim-vote-error-network = Сервермен байланыс жоқ: бюллетень жіберілмеді.
prim-vote-error-generic = Бюллетеньді дайындау мүмкін болмады.
prim-board = Бюллетеньдер тақтасы
prim-board-intro = Мұнда барлық шифрланған бюллетеньдер бақылау кодтарымен ретімен жарияланған; олар бойынша кімнің қалай дауыс бергенін білу мүмкін емес.
prim-board-lookup = Өз бюллетеніңізді табу
prim-board-code = Бақылау коды немесе із
prim-board-code-hint = Салынған бюллетеньнің бақылау кодының немесе тексерілген бюллетень ізінің алғашқы 16 таңбасы (сызықшамен болады) немесе толық код.
prim-board-code-format = Бақылау коды немесе із — кемінде 16 он алтылық таңба.
prim-board-find = Табу
prim-board-found = Тақтадағы № { NUMBER($number) } бюллетень.
prim-board-found-challenged = № { NUMBER($number) } тексерілген бюллетень: ашылған, есептелмейді.
prim-board-not-found = Тақтада мұндай кодпен бюллетень жоқ.
prim-board-cast = Салынған бюллетень
prim-board-challenged = Тексерілген бюллетеньдер
prim-board-challenged-hint = Дауыс берушілер шифрлауын тексерген бюллетеньдер: олар ашылған және есептелмейді.
prim-board-empty = Әзірге жоқ.
prim-board-more = Келесілері
prim-board-tracking = Бақылау коды
prim-board-hash = Із
prim-board-credential = Ашық тіркелгі деректері
prim-ballot-opening = Ашылуы
prim-ballot-opening-holds = Ашылуы шифрлаумен сәйкес: бюллетень осы таңдауды қамтиды.
prim-ballot-opening-fails = Ашылуы шифрлаумен сәйкес емес: құрылғы басқа таңдауды шифрлаған.
prim-ballot-json = Жазба пішіміндегі бюллетень
prim-ratings-final = Қорытынды: онлайн дауыстардың шифрын сенім білдірілген тұлғалар ашты және олар бюллетеньмен берілген дауыстарға қосылды.
prim-vote-error-empty-code = Дауыс беру кодын енгізіңіз.
prim-vote-error-signed-out = Сеанс аяқталды: қайта кіріп, қайталаңыз.
prim-file-unreadable = Файл оқылмайды: бұл дауыс беру жазбасы пішіміндегі осы кезеңнің файлы емес.
prim-submission-unreadable = Бюллетень оқылмайды: бұл дауыс беру жазбасы пішіміндегі бюллетень емес.
prim-not-in-organization = Бұл партия мүшесі таңдалған бастауыш ұйымда есепте тұрмайды.
prim-paper-issue-closed = Қағаз бюллетеньдер { $opens } бастап { $closes } дейін беріледі.
prim-instant-format = Күн мен уақытты уақыт белдеуінің ығысуымен көрсетіңіз, мысалы 2020-10-01T00:00:00+06:00.
prim-preset-unknown = sailau-да мұндай праймериз ережелері жоқ.
prim-preset-and-rules = Дайын ережелер жиынтығын таңдаңыз немесе партияның өз ережелерін беріңіз, екеуін бірге емес.
prim-online-card-required = Партиялық билеттің нөмірін енгізіңіз.
prim-board-cast-list = Салынған бюллетеньдер
prim-ballot-kind-cast = Салынған бюллетень
prim-ballot-kind-challenged = Тексерілген бюллетень
prim-online-record-hint-open = Дауыстар саналғанша мұрағатты ашып, «sailau verify --incomplete record» орындаңыз: рәсім, тіркелгі деректері және тақтадағы әр бюллетень тексеріледі.
prim-vote-over = Онлайн дауыс беру { $closes } аяқталды.
prim-vote-sign-in-link = Кіру
prim-ballot-superseded = Одан кейін сол кодпен басқа бюллетень салынған: бұл есептелмейді, соңғысы есептеледі.

# i14: opening a primaries campaign
prim-open-link = Праймериз жариялау
prim-open-title = Праймериз жариялау
prim-open-lead = Ұйымдастыру комитеті позицияларды, аумақтың жергілікті уақытымен мерзімдерді, кілттер рәсімінің сенім білдірілген тұлғаларын және партия ережелерін белгілейді. Барлығы өзгеріссіз өзгерістер журналына жазылады.
prim-open-party = Партия
prim-open-territory = Филиал аумағы (ӘАОЖ коды)
prim-open-territory-hint = Комитет филиалы: әкім позицияларының бірліктері оның аумағында болуы тиіс.
prim-open-title-ru = Орыс тіліндегі атауы
prim-open-title-kk = Қазақ тіліндегі атауы
prim-open-title-en = Ағылшын тіліндегі атауы
prim-open-positions = Позициялар
prim-open-positions-hint = Әр позицияға бір жол толтырыңыз; бос жолдар есепке алынбайды. Позициялары көп науқан API арқылы жарияланады.
prim-open-position-n = { NUMBER($number, useGrouping: "false") }-позиция
prim-open-pos-kind = Позиция түрі
prim-open-pos-unit = Бірлік (ӘАОЖ коды)
prim-open-pos-seats = Тізімдегі орын саны
prim-open-pos-key = Кілт
prim-open-pos-key-hint = Кіші латын әріптері, цифрлар және дефистер; бос қалса, бірліктен не жол нөмірінен құралады.
prim-open-pos-name-ru = Орыс тіліндегі атауы
prim-open-pos-name-kk = Қазақ тіліндегі атауы
prim-open-pos-name-en = Ағылшын тіліндегі атауы
prim-open-kind-akim = Бірлік әкімі лауазымына кандидат
prim-open-kind-list = Тізім (орын саны)
prim-open-windows = Мерзімдер
prim-open-windows-hint = Аумақтың жергілікті уақыты. Тіркеу, содан кейін дебаттар, содан кейін онлайн дауыс беру; бюллетеньмен дауыс беру онлайн дауыс беру мерзімінің ішінде.
prim-open-opens = Басталуы
prim-open-closes = Аяқталуы
prim-open-registration-opens = Тіркеудің басталуы
prim-open-registration-closes = Тіркеудің аяқталуы
prim-open-debates-opens = Дебаттардың басталуы
prim-open-debates-closes = Дебаттардың аяқталуы
prim-open-online-opens = Онлайн дауыс берудің басталуы
prim-open-online-closes = Онлайн дауыс берудің аяқталуы
prim-open-paper-opens = Бюллетеньмен дауыс берудің басталуы
prim-open-paper-closes = Бюллетеньмен дауыс берудің аяқталуы
prim-open-trustees = Кілттер рәсімінің сенім білдірілген тұлғалары
prim-open-trustees-hint = Сенім білдірілген тұлға рөлі бар есептік жазбалар; әрқайсысы рәсімді өз компьютерінде өткізеді.
prim-open-no-trustees = Сенім білдірілген тұлға рөлі бар есептік жазбалар әлі жоқ: алдымен оларды әкімші жасайды.
prim-open-threshold = Шифрды ашуға қажет сенім білдірілген тұлғалар
prim-open-threshold-hint = 1-ден таңдалған сенім білдірілген тұлғалар санына дейін.
prim-open-ruleset = Праймериз ережелері
prim-open-rules = Партияның өз ережелері (TOML)
prim-open-rules-hint = Толтырылса, жоғарыда таңдалған ережелердің орнына қолданылады.
prim-open-rules-template = Партияның өз ережелерін дайын жиынтық негізінде жазуға болады:
prim-open-submit = Праймериз жариялау
prim-preset-amanat-primaries-2020 = AMANAT («Нұр Отан»), 2020 жылғы праймериз
prim-withdraw-title = Кандидатураны алып тастау
prim-withdraw-hint = Бюллетень бекітілгенге дейін (онлайн дауыс беру басталғанға дейін) қатысушы өз кандидатурасын алып тастай алады (не ұйымдастыру комитеті алып тастауды тіркейді). Мұны кері қайтаруға болмайды.
prim-withdraw-submit = Кандидатураны алып тастау
prim-withdraw-confirm = Кандидатураны алып тастауды растаймын; мұны кері қайтаруға болмайды.
prim-nominate = Бастауыш ұйымның ұсынуы
prim-nominate-card = Партия мүшесінің партиялық билетінің нөмірі
prim-nominate-card-hint = Ұсынылатын партия мүшесі — партиялық билеті бойынша.
prim-nominate-organization = Бастауыш ұйым
prim-nominate-declared = Партия мүшесі сотталмағанын мәлімдеді
prim-nominate-hint = Жасы және жастарға жататыны партия мүшесінің есептік карточкасындағы туған күні бойынша анықталады; аты-жөні мен туған күні өзгерістер журналында жарияланбайды.
prim-nominate-submit = Ұсыну
prim-registration-not-over = Бюллетень тіркеу аяқталғаннан кейін ({ $closes }) бекітіледі: оған дейін өтініштер әлі беріледі.
prim-open-when-akim = әкім позициясы үшін
prim-open-when-list = тізім үшін
prim-nominate-residence = Партия мүшесі аумақта неше жыл тұрады

# Titles of the API's problem documents (RFC 9457), by the problem's slug.
problem-title-invalid = Деректер тексеруден өтпеді
problem-title-bad-request = Сұрау дұрыс құрастырылмаған
problem-title-unsupported-media-type = Деректер түріне қолдау көрсетілмейді
problem-title-payload-too-large = Сұрау денесі тым үлкен
problem-title-unauthorized = Жүйеге кіру қажет
problem-title-bad-credentials = Пайдаланушы аты немесе құпиясөз қате
problem-title-forbidden = Әрекетке рұқсат жоқ
problem-title-csrf-token = Форманы қорғау кілті жоқ немесе қате
problem-title-not-found = Табылмады
problem-title-unknown-endpoint = Бағдарламалық интерфейсте мұндай мекенжай жоқ
problem-title-method-not-allowed = Сұрау әдісіне қолдау көрсетілмейді
problem-title-throttled = Әрекет саны тым көп
problem-title-internal = Сервердің ішкі қатесі
problem-title-unavailable = Қызмет уақытша қолжетімсіз
problem-detail-unsupported-media-type = Сұрау денесін осы мекенжай қабылдайтын пішімде жіберіңіз: Content-Type: application/json тақырыбымен JSON; импорт CSV файлын немесе XLSX кітабын қабылдайды.
problem-detail-payload-too-large = Сұрау денесі осы мекенжай қабылдайтын өлшемнен үлкен.
problem-detail-unknown-endpoint = Бағдарламалық интерфейсте { $path } мекенжайы жоқ; мекенжайлар тізімі /api/openapi.json ішінде.
problem-detail-bad-credentials = Пайдаланушы аты немесе құпиясөз қате (қайсысы екені айтылмайды, біреудің тіркелгісі бар-жоғын ешкім біле алмауы үшін).
problem-detail-throttled = Кіру әрекеттері тым көп рет сәтсіз болды; { NUMBER($seconds) } с кейін қайталаңыз.
problem-detail-internal = Серверде ақау болды; себебі журналға { $reference } нөмірімен жазылды.
problem-detail-unavailable = Дерекқор жауап бермейді; кейінірек қайталаңыз.
# The API's wording of a rule where it differs from the pages' (a page shows the message beside
# the field's label; a problem document names the field itself).
problem-message-field-required = «{ $field }» өрісінің мәні көрсетілуі керек.
# A key given twice in a JSON body.
duplicate-field = «{ $field }» өрісі сұрауда бірнеше рет көрсетілген.
# Malformed path and query parameters of the API, by the rule of the 400 answer.
id-format = «{ $field }» параметрі UUID болуы керек: дефиспен бөлінген 8, 4, 4, 4 және 12 он алтылық цифрдан тұратын топтар.
person-id-format = «{ $field }» параметрі тұлғаның идентификаторы болуы керек: UUID, дефиспен бөлінген 8, 4, 4, 4 және 12 он алтылық цифрдан тұратын топтар.
lang = «{ $field }» параметрі құжаттың тілі болуы керек: { $allowed }.
limit-out-of-range = «{ $field }» параметрі 1 мен { NUMBER($max) } аралығындағы бүтін сан болуы керек.
whole-number-range = «{ $field }» параметрі 0 мен { NUMBER($max) } аралығындағы бүтін сан болуы керек.
range-invalid = «{ $field }» параметрі 1-ден кем емес бүтін сан болуы керек.
tracking-code-format = «{ $field }» параметрі бақылау коды (кемінде 16 он алтылық цифр, дефис қоюға болады) немесе бюллетеньнің ізі болуы керек.
board-kind = «{ $field }» параметрі мыналардың бірі болуы керек: { $allowed }.
page-range = «from» параметрі 1-ден кем емес бүтін сан, ал «{ $field }» 1 мен { NUMBER($max) } аралығында болуы керек.
trustee-number = «{ $field }» параметрі 1 мен { NUMBER($max) } аралығындағы сенім білдірілген тұлғаның нөмірі болуы керек.
ceremony-round = «{ $field }» параметрі кілттер рәсімінің кезеңі болуы керек: 1 (кілттерді жариялау), 2 (үлестерді тарату) немесе 3 (үлестерді растау немесе шағымдар).
import-kind-unknown = «{ $field }» параметрі импорт түрі болуы керек, мыналардың бірі: { $allowed }.
# The detail of a 404 answer of the API, by what does not exist (the id as given).
problem-not-found-territory = { $id } аумағы табылмады.
problem-not-found-precinct = { $id } сайлау учаскесі табылмады.
problem-not-found-party = «{ $id }» партиясы табылмады.
problem-not-found-person = { $id } идентификаторы бар тұлға табылмады.
problem-not-found-account = «{ $id }» есептік жазбасы табылмады.
problem-not-found-election = { $id } идентификаторы бар сайлау табылмады.
problem-not-found-campaign = { $id } идентификаторы бар праймериз табылмады.
problem-not-found-contender = { $id } идентификаторы бар праймериз қатысушысы табылмады.
problem-not-found-debate = { $id } идентификаторы бар дебат табылмады.
problem-not-found-meeting = { $id } идентификаторы бар бастауыш партия ұйымының жиналысы табылмады.
problem-not-found-fixed-ballot = { $id } идентификаторы бар праймериздің бюллетені әлі бекітілмеген.
problem-not-found-ballot-with-code = Бюллетеньдер тақтасында { $id } коды бар бюллетень жоқ.
problem-not-found-contest-in-region = Бұл сайлаудың { $id } өңірінде сайлау округі жоқ.
problem-not-found-contest = { $id } идентификаторы бар сайлау округі табылмады.
problem-not-found-nomination = { $id } идентификаторы бар ұсыну табылмады.
problem-not-found-attachment = SHA-256 хеші { $id } болатын файл табылмады.
problem-not-found-conference = { $id } идентификаторы бар конференция табылмады.
problem-not-found-member = { $id } идентификаторы бар партия мүшесі табылмады.
problem-not-found-branch = { $id } партия филиалы табылмады.
problem-not-found-ledger-entry = Журналда { $id } жазбасы жоқ.
problem-not-found-record = Сұралған жазба табылмады.
